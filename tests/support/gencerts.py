#!/usr/bin/python3
"""Generates the TLS certificates one test run uses, into the folder given as argument.

ca.pem/ca.key        a test certificate authority
server.pem/.key      localhost, 127.0.0.1 and ::1, signed by the CA (a valid chain)
selfsigned.pem/.key  localhost, signed by itself
other.pem/.key       another self-signed localhost certificate (a pin that does not match)
expired.pem/.key     localhost, signed by the CA, expired yesterday
wronghost.pem/.key   wrong.example only, signed by the CA
"""
import datetime
import ipaddress
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def key():
    return ec.generate_private_key(ec.SECP256R1())


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Postwire tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def write(folder, base, cert, k):
    with open(os.path.join(folder, base + ".pem"), "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(os.path.join(folder, base + ".key"), "wb") as f:
        f.write(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()))


def leaf(subject_cn, sans, issuer_name, issuer_key, k, not_before, not_after):
    b = (x509.CertificateBuilder().subject_name(name(subject_cn)).issuer_name(issuer_name)
         .public_key(k.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(not_before).not_valid_after(not_after)
         .add_extension(x509.SubjectAlternativeName(sans), critical=False)
         .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
         .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False))
    return b.sign(issuer_key, hashes.SHA256())


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    day = datetime.timedelta(days=1)
    local = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
             x509.IPAddress(ipaddress.ip_address("::1"))]

    ca_key = key()
    ca = (x509.CertificateBuilder().subject_name(name("Postwire Test CA")).issuer_name(name("Postwire Test CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - day).not_valid_after(now + 30 * day)
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    write(folder, "ca", ca, ca_key)

    k = key()
    write(folder, "server", leaf("localhost", local, ca.subject, ca_key, k, now - day, now + 30 * day), k)
    for base in ("selfsigned", "other"):
        k = key()
        write(folder, base, leaf("localhost", local, name("localhost"), k, k, now - day, now + 30 * day), k)
    k = key()
    write(folder, "expired", leaf("localhost", local, ca.subject, ca_key, k, now - 30 * day, now - day), k)
    k = key()
    write(folder, "wronghost", leaf("wrong.example", [x509.DNSName("wrong.example")], ca.subject, ca_key, k,
                                    now - day, now + 30 * day), k)
    # The server certificate followed by the CA, for servers that send the whole chain.
    with open(os.path.join(folder, "server-chain.pem"), "wb") as f:
        f.write(open(os.path.join(folder, "server.pem"), "rb").read() + ca.public_bytes(serialization.Encoding.PEM))
    print("test certificates written to", folder)


if __name__ == "__main__":
    main()
