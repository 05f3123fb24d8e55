<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Postwire</source>
        <translation>О программе Postwire</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)</source>
        <translation>Qt %1 (собрано с Qt %2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Postwire %1&lt;/h3&gt;&lt;p&gt;A mail composer that shows the wire: to send mail with, to learn SMTP with, and to debug mail servers with.&lt;/p&gt;&lt;p&gt;Running on %2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences&lt;/b&gt;&lt;br&gt;Postwire: GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;br&gt;Qt: GNU Lesser General Public License, version 3 (LGPL-3.0-only).&lt;br&gt;QtKeychain: BSD 3-Clause License.&lt;br&gt;OpenSSL, through Qt Network: Apache License 2.0.&lt;/p&gt;&lt;p&gt;Postwire comes with ABSOLUTELY NO WARRANTY. See &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;the GPL&lt;/a&gt; for details.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Postwire %1&lt;/h3&gt;&lt;p&gt;Почтовый редактор, который показывает, что идёт по проводу: чтобы отправлять письма, изучать SMTP и отлаживать почтовые серверы.&lt;/p&gt;&lt;p&gt;Работает на %2.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Лицензии&lt;/b&gt;&lt;br&gt;Postwire: GNU General Public License версии 3 или более поздней (GPL-3.0-or-later).&lt;br&gt;Qt: GNU Lesser General Public License версии 3 (LGPL-3.0-only).&lt;br&gt;QtKeychain: BSD 3-Clause License.&lt;br&gt;OpenSSL через Qt Network: Apache License 2.0.&lt;/p&gt;&lt;p&gt;Postwire поставляется БЕЗ КАКИХ-ЛИБО ГАРАНТИЙ. Подробности — в &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GPL&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Make &amp;Default</source>
        <translation>По умол&amp;чанию</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Проверить под&amp;ключение</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>Ещё не проверялась.</translation>
    </message>
    <message>
        <source>Chec&amp;k Server…</source>
        <translation>Проверить &amp;сервер…</translation>
    </message>
    <message>
        <source>What the server offers before and after TLS, its certificate, and what could be better; sends no mail and no password</source>
        <translation>Что сервер предлагает до и после TLS, его сертификат и что можно улучшить; не отправляет ни писем, ни пароля</translation>
    </message>
    <message>
        <source>The password could not be stored: %1</source>
        <translation>Не удалось сохранить пароль: %1</translation>
    </message>
    <message>
        <source>Fill in from a provider…</source>
        <translation>Заполнить по провайдеру…</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>Direct: the message goes to each recipient domain&apos;s own mail server (its MX records) on port 25, as a mail server sends it: no login, STARTTLS when offered. Many networks block outgoing port 25.</source>
        <translation>Напрямую: письмо идёт на собственный почтовый сервер домена каждого получателя (его MX-записи) на порт 25, как его отправляет почтовый сервер: без входа, STARTTLS, если предложен. Во многих сетях исходящий порт 25 закрыт.</translation>
    </message>
    <message>
        <source>the system&apos;s resolver</source>
        <translation>системный резолвер</translation>
    </message>
    <message>
        <source>An IP address: ask this DNS server for the MX records instead of the system&apos;s resolver (split-horizon DNS, tests)</source>
        <translation>IP-адрес: запрашивать MX-записи у этого DNS-сервера, а не у системного резолвера (split-horizon DNS, тесты)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Best offered by the server</source>
        <translation>Лучший из предложенных сервером</translation>
    </message>
    <message>
        <source>this computer&apos;s name</source>
        <translation>имя этого компьютера</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>RFC 5321 defaults (up to 10 minutes per step)</source>
        <translation>По RFC 5321 (до 10 минут на шаг)</translation>
    </message>
    <message>
        <source>Allow the password over an unencrypted connection (anyone in between can read it)</source>
        <translation>Разрешить пароль без шифрования (его прочитает любой посредник)</translation>
    </message>
    <message>
        <source>only the system&apos;s certificate authorities</source>
        <translation>только системные удостоверяющие центры</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Stop Trusting</source>
        <translation>Больше не доверять</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Ваше и&amp;мя:</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>Sends:</source>
        <translation>Отправка:</translation>
    </message>
    <message>
        <source>DNS server:</source>
        <translation>DNS-сервер:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Защита:</translation>
    </message>
    <message>
        <source>Authenticati&amp;on:</source>
        <translation>Аутентификаци&amp;я:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>&amp;EHLO name:</source>
        <translation>Имя в &amp;EHLO:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>&amp;Тайм-аут:</translation>
    </message>
    <message>
        <source>CA certi&amp;ficates:</source>
        <translation>Сертификаты У&amp;Ц:</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>Доверенные сертификаты:</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (по умолчанию)</translation>
    </message>
    <message>
        <source>Port: give the server&apos;s port, e.g. 587</source>
        <translation>Порт: укажите порт сервера, например 587</translation>
    </message>
    <message>
        <source>Port: &quot;%1&quot; is not a number</source>
        <translation>Порт: «%1» — не число</translation>
    </message>
    <message>
        <source>Name: another account is already called &quot;%1&quot;</source>
        <translation>Имя: учётная запись «%1» уже есть</translation>
    </message>
    <message>
        <source>25, where mail servers take mail; another port only for test setups</source>
        <translation>25 — порт, на который почтовые серверы принимают почту; другой порт только для тестовых стендов</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Новая учётная запись</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Удаление учётной записи</translation>
    </message>
    <message>
        <source>Remove the account &quot;%1&quot;?</source>
        <translation>Удалить учётную запись «%1»?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>Сертификаты УЦ</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>Сертификаты PEM (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>given by Postwire</source>
        <translation>выдаётся Postwire</translation>
    </message>
    <message>
        <source>Postwire gives this account its password when it connects; none is stored.</source>
        <translation>Postwire сам передаёт этой учётной записи пароль при подключении; ничего не сохраняется.</translation>
    </message>
    <message>
        <source>stored; type to replace it</source>
        <translation>сохранён; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>A password is stored in %1.</source>
        <translation>Пароль сохранён в: %1.</translation>
    </message>
    <message>
        <source>No password stored; typed here it goes into %1.</source>
        <translation>Пароль не сохранён; введённый здесь, он попадёт в: %1.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Проверка %1…</translation>
    </message>
    <message>
        <source>S&amp;top Test</source>
        <translation>Остановить про&amp;верку</translation>
    </message>
    <message>
        <source>✘ Cannot test: %1</source>
        <translation>✘ Проверка невозможна: %1</translation>
    </message>
    <message>
        <source>✘ Cannot check: %1</source>
        <translation>✘ Проверка невозможна: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ The account does not work: %1</source>
        <translation>✘ Учётная запись не работает: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>e.g. Ana Lima &lt;sales@example.org&gt;, ana@alias.example</source>
        <translation>например, Ana Lima &lt;sales@example.org&gt;, ana@alias.example</translation>
    </message>
    <message>
        <source>Other addresses this server lets the account send as: chosen in the From field, and used to answer mail sent to them</source>
        <translation>Другие адреса, от имени которых этот сервер разрешает учётной записи отправлять: выбираются в поле «От» и используются для ответа на письма, пришедшие на них</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Put below the text of each message after a &quot;-- &quot; line, and replaced when another account is chosen</source>
        <translation>Ставится под текстом каждого письма после строки «-- » и заменяется при выборе другой учётной записи</translation>
    </message>
    <message>
        <source>Start new messages with formatting (HTML with a plain-text part); otherwise plain text</source>
        <translation>Начинать новые письма с форматированием (HTML с текстовой частью); иначе — обычный текст</translation>
    </message>
    <message>
        <source>Other From addresses:</source>
        <translation>Другие адреса отправителя:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Подпись:</translation>
    </message>
    <message>
        <source>New messages:</source>
        <translation>Новые письма:</translation>
    </message>
    <message>
        <source>%1 — SHA-256 %2</source>
        <translation>%1 — SHA-256 %2</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Its settings and the password or OAuth 2 sign-in stored for it in the keychain are deleted. This cannot be undone.</source>
        <translation>Её настройки и сохранённые для неё в связке ключей пароль или вход OAuth 2 будут удалены. Это нельзя отменить.</translation>
    </message>
    <message>
        <source>none: OAuth 2</source>
        <translation>не нужен: OAuth 2</translation>
    </message>
    <message>
        <source>No password: the access token comes from the OAuth 2 sign-in below.</source>
        <translation>Без пароля: маркер доступа даёт вход OAuth 2 ниже.</translation>
    </message>
    <message>
        <source>✘ Cannot test: %1: %2</source>
        <translation>✘ Проверить нельзя: %1: %2</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>The account (mail server) the message is sent through</source>
        <translation>Учётная запись (почтовый сервер), через которую отправляется письмо</translation>
    </message>
    <message>
        <source>Accounts…</source>
        <translation>Учётные записи…</translation>
    </message>
    <message>
        <source>Manage accounts</source>
        <translation>Управление учётными записями</translation>
    </message>
    <message>
        <source>Add, remove and edit accounts: identity, server, passwords, trusted certificates; test a connection</source>
        <translation>Добавление, удаление и правка учётных записей: отправитель, сервер, пароли, доверенные сертификаты; проверка подключения</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Show server settings</source>
        <translation>Показать настройки сервера</translation>
    </message>
    <message>
        <source>Show the server settings of this account for a quick change</source>
        <translation>Показать настройки сервера этой учётной записи, чтобы быстро их поменять</translation>
    </message>
    <message>
        <source>About this account</source>
        <translation>Об этой учётной записи</translation>
    </message>
    <message>
        <source>Server host name</source>
        <translation>Имя сервера</translation>
    </message>
    <message>
        <source>smtp.example.org</source>
        <translation>smtp.example.org</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Порт сервера</translation>
    </message>
    <message>
        <source>587: submission with STARTTLS; 465: implicit TLS; 25: relay</source>
        <translation>587: отправка (submission) со STARTTLS; 465: неявный TLS; 25: ретрансляция</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>Защита соединения</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>пусто: без входа</translation>
    </message>
    <message>
        <source>Passwords are asked for when the server wants one and can be kept in the keychain; more settings under Accounts…</source>
        <translation>Пароль запрашивается, когда его требует сервер, и может храниться в связке ключей; остальные настройки — в «Учётных записях…»</translation>
    </message>
    <message>
        <source>Acco&amp;unt:</source>
        <translation>&amp;Учётная запись:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>По&amp;рт:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>С&amp;ервер:</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>&amp;Защита:</translation>
    </message>
    <message>
        <source>Us&amp;er:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Direct to each recipient&apos;s mail server (MX), port %1, DNS: %2. Many networks block outgoing port 25.</source>
        <translation>Напрямую на почтовый сервер каждого получателя (MX), порт %1, DNS: %2. Во многих сетях исходящий порт 25 закрыт.</translation>
    </message>
    <message>
        <source>the system&apos;s resolver</source>
        <translation>системный резолвер</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation>Учётная запись «%1»: %2</translation>
    </message>
</context>
<context>
    <name>AddressField</name>
    <message>
        <source>One address, e.g. Ana Lima &lt;ana@example.org&gt;</source>
        <translation>Один адрес, например Ana Lima &lt;ana@example.org&gt;</translation>
    </message>
    <message>
        <source>Addresses separated by commas or semicolons, e.g. Ana Lima &lt;ana@example.org&gt;, bo@example.net</source>
        <translation>Адреса через запятую или точку с запятой, например Ana Lima &lt;ana@example.org&gt;, bo@example.net</translation>
    </message>
    <message>
        <source>Name &lt;address@example.org&gt;</source>
        <translation>Имя &lt;address@example.org&gt;</translation>
    </message>
    <message>
        <source>name@example.org, Other Name &lt;other@example.org&gt;</source>
        <translation>name@example.org, Другое Имя &lt;other@example.org&gt;</translation>
    </message>
    <message>
        <source>Invalid: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Attachment</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Вложить…</translation>
    </message>
    <message>
        <source>Add files (or drop them on the window)</source>
        <translation>Добавить файлы (или перетащите их на окно)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Вложить файлы</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected attachments (Delete)</source>
        <translation>Удалить выбранные вложения (Delete)</translation>
    </message>
    <message>
        <source>Remove selected attachments</source>
        <translation>Удалить выбранные вложения</translation>
    </message>
    <message>
        <source>Attachments total</source>
        <translation>Всего вложений</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>нет файла</translation>
    </message>
    <message>
        <source>file does not exist any more (%1)</source>
        <translation>файла больше нет (%1)</translation>
    </message>
    <message>
        <source>not a file (%1)</source>
        <translation>это не файл (%1)</translation>
    </message>
    <message>
        <source>file cannot be read (%1)</source>
        <translation>файл не читается (%1)</translation>
    </message>
    <message>
        <source>Attachment %1: %2</source>
        <translation>Вложение %1: %2</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Вложить файлы</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>Нет вложений</translation>
    </message>
    <message numerus="yes">
        <source>%n attachments, %1 in total</source>
        <translation>
            <numerusform>%n вложение, всего %1</numerusform>
            <numerusform>%n вложения, всего %1</numerusform>
            <numerusform>%n вложений, всего %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Untrusted certificate from %1</source>
        <translation>Недоверенный сертификат от %1</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Отказать</translation>
    </message>
    <message>
        <source>&amp;Accept Once</source>
        <translation>Принять &amp;однократно</translation>
    </message>
    <message>
        <source>&amp;Trust Permanently</source>
        <translation>&amp;Доверять всегда</translation>
    </message>
    <message>
        <source>Pin this certificate&apos;s SHA-256 fingerprint into the account: it is accepted from now on, and a different certificate is refused.</source>
        <translation>Закрепить SHA-256-отпечаток этого сертификата в учётной записи: отныне он принимается, а другой сертификат отклоняется.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 could not be verified.&lt;/b&gt; The test is paused. Refuse unless you know that this certificate really is the server&apos;s.</source>
        <translation>&lt;b&gt;Сертификат %1 не удалось проверить.&lt;/b&gt; Проверка приостановлена. Откажите, если не уверены, что это действительно сертификат сервера.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 could not be verified.&lt;/b&gt; The send is paused. Refuse unless you know that this certificate really is the server&apos;s.</source>
        <translation>&lt;b&gt;Сертификат %1 не удалось проверить.&lt;/b&gt; Отправка приостановлена. Откажите, если не уверены, что это действительно сертификат сервера.</translation>
    </message>
    <message>
        <source>elliptic curve (EC)</source>
        <translation>эллиптическая кривая (EC)</translation>
    </message>
    <message>
        <source>a key of a type Postwire cannot read</source>
        <translation>ключ типа, который Postwire не умеет читать</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n bits</source>
        <translation>
            <numerusform>%1, %n бит</numerusform>
            <numerusform>%1, %n бита</numerusform>
            <numerusform>%1, %n бит</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate is signed by itself, not by an authority this computer trusts: anyone can make a certificate like it.</source>
        <translation>Сертификат подписан сам собой, а не удостоверяющим центром, которому доверяет этот компьютер: такой сертификат может сделать кто угодно.</translation>
    </message>
    <message>
        <source>The chain of certificates ends in a self-signed authority that this computer does not trust.</source>
        <translation>Цепочка сертификатов заканчивается самоподписанным центром, которому этот компьютер не доверяет.</translation>
    </message>
    <message>
        <source>The certificate was issued by an authority this computer does not know.</source>
        <translation>Сертификат выдан центром, неизвестным этому компьютеру.</translation>
    </message>
    <message>
        <source>The certificate was issued by &quot;%1&quot;, an authority this computer does not know or trust.</source>
        <translation>Сертификат выдан «%1» — центром, который этот компьютер не знает или которому не доверяет.</translation>
    </message>
    <message>
        <source>The certificate expired on %1; a server should not use it any more.</source>
        <translation>Срок действия сертификата истёк %1; сервер не должен больше им пользоваться.</translation>
    </message>
    <message>
        <source>The certificate becomes valid only on %1 (or this computer&apos;s clock is wrong).</source>
        <translation>Сертификат начинает действовать только %1 (или на этом компьютере неверное время).</translation>
    </message>
    <message>
        <source>The certificate is for %1, not for %2: it may belong to a different server.</source>
        <translation>Сертификат выдан для %1, а не для %2: возможно, он принадлежит другому серверу.</translation>
    </message>
    <message>
        <source>no name at all</source>
        <translation>вообще без имени</translation>
    </message>
    <message>
        <source>The authority that issued the certificate has revoked it.</source>
        <translation>Выдавший сертификат центр отозвал его.</translation>
    </message>
    <message>
        <source>The certificate is not meant for a server.</source>
        <translation>Сертификат не предназначен для сервера.</translation>
    </message>
    <message>
        <source>The certificate is marked as not to be trusted.</source>
        <translation>Сертификат помечен как недоверенный.</translation>
    </message>
    <message>
        <source>The certificate&apos;s signature does not match: it was altered or forged.</source>
        <translation>Подпись сертификата не сходится: он изменён или подделан.</translation>
    </message>
    <message>
        <source>The server sent no certificate at all.</source>
        <translation>Сервер вообще не прислал сертификат.</translation>
    </message>
    <message>
        <source>An authority in the chain is not allowed to issue this certificate.</source>
        <translation>Центру в цепочке не разрешено выпускать такой сертификат.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source> &lt;b&gt;(expired)&lt;/b&gt;</source>
        <translation> &lt;b&gt;(истёк)&lt;/b&gt;</translation>
    </message>
    <message>
        <source> &lt;b&gt;(not valid yet)&lt;/b&gt;</source>
        <translation> &lt;b&gt;(ещё не действует)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Сертификат сервера</translation>
    </message>
    <message>
        <source>Issuer certificate %1</source>
        <translation>Сертификат издателя %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>&lt;p&gt;The server sent no certificate.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Сервер не прислал сертификат.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>New Message</source>
        <translation>Новое письмо</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <source>The local sandbox did not start</source>
        <translation>Локальная песочница не запустилась</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Копия</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Скрытая копия</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Ответ на</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Recipients who get the message without the others seeing them: they appear only in the SMTP envelope (RCPT TO), never in a header</source>
        <translation>Получатели, которые получат письмо так, что другие их не увидят: они есть только в SMTP-конверте (RCPT TO) и никогда — в заголовке</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;От:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>Коп&amp;ия:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>Скр&amp;ытая:</translation>
    </message>
    <message>
        <source>Rep&amp;ly-To:</source>
        <translation>Ответ &amp;на:</translation>
    </message>
    <message>
        <source>Sub&amp;ject:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Transcript saved to %1</source>
        <translation>Журнал сеанса сохранён в %1</translation>
    </message>
    <message>
        <source>Transcript not saved</source>
        <translation>Журнал сеанса не сохранён</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Журнал сеанса</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Консоль</translation>
    </message>
    <message>
        <source>Sending step</source>
        <translation>Шаг отправки</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Ход отправки</translation>
    </message>
    <message>
        <source>&amp;New Message</source>
        <translation>&amp;Новое письмо</translation>
    </message>
    <message>
        <source>&amp;Open .eml…</source>
        <translation>&amp;Открыть .eml…</translation>
    </message>
    <message>
        <source>&amp;Save Draft</source>
        <translation>&amp;Сохранить черновик</translation>
    </message>
    <message>
        <source>Save the draft now (it is also saved automatically)</source>
        <translation>Сохранить черновик сейчас (он сохраняется и автоматически)</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Черновик сохранён</translation>
    </message>
    <message>
        <source>Save &amp;As .eml…</source>
        <translation>Сохранить &amp;как .eml…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>Отправить письмо (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Cancel Sending</source>
        <translation>&amp;Прервать отправку</translation>
    </message>
    <message>
        <source>Stop sending (Esc); the message is kept</source>
        <translation>Остановить отправку (Esc); письмо сохранится</translation>
    </message>
    <message>
        <source>&amp;Edit Last Sent as New</source>
        <translation>&amp;Изменить последнее отправленное как новое</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Put the last message sent back in the form</source>
        <translation>Вернуть в форму последнее отправленное письмо</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>&amp;Вложить файлы…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Show Cc and &amp;Bcc</source>
        <translation>Копия и &amp;скрытая</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>A&amp;ccounts…</source>
        <translation>&amp;Учётные записи…</translation>
    </message>
    <message>
        <source>Add, remove and edit accounts</source>
        <translation>Добавление, удаление и правка учётных записей</translation>
    </message>
    <message>
        <source>Chec&amp;k Server…</source>
        <translation>&amp;Проверить сервер…</translation>
    </message>
    <message>
        <source>What the account&apos;s server offers, its certificate, and what could be better; sends no mail</source>
        <translation>Что предлагает сервер учётной записи, его сертификат и что можно улучшить; письмо не отправляется</translation>
    </message>
    <message>
        <source>Ask for Delivery &amp;Notifications</source>
        <translation>&amp;Запросить уведомления о доставке</translation>
    </message>
    <message>
        <source>The server reports back when the message is delivered or fails (DSN, RFC 3461); offered only by servers that said so</source>
        <translation>Сервер сообщит, когда письмо доставлено или не доставлено (DSN, RFC 3461); только если сервер это объявил</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Письмо</translation>
    </message>
    <message>
        <source>&amp;Transcript</source>
        <translation>&amp;Журнал</translation>
    </message>
    <message>
        <source>&amp;Go to Transcript</source>
        <translation>Перейти к &amp;журналу</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Go to &amp;Message</source>
        <translation>Перейти к &amp;письму</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Local Sandbox</source>
        <translation>&amp;Песочница</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Show or hide the built-in server&apos;s inbox and settings</source>
        <translation>Показать или скрыть входящие и настройки встроенного сервера</translation>
    </message>
    <message>
        <source>Go to Sandbox &amp;Inbox</source>
        <translation>Перейти во &amp;входящие песочницы</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Learn SMTP…</source>
        <translation>&amp;Изучить SMTP…</translation>
    </message>
    <message>
        <source>Guided lessons: type an SMTP dialogue yourself, against the sandbox</source>
        <translation>Уроки: наберите SMTP-диалог сами, с песочницей</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Письмо</translation>
    </message>
    <message>
        <source>Also sends: %1 (from the opened message). &lt;a href=&quot;drop&quot;&gt;Do not send them&lt;/a&gt;</source>
        <translation>Также отправляются: %1 (из открытого письма). &lt;a href=&quot;drop&quot;&gt;Не отправлять их&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Also sends</source>
        <translation>Также отправляются</translation>
    </message>
    <message>
        <source>Draft restored from your last session</source>
        <translation>Черновик восстановлен из прошлого сеанса</translation>
    </message>
    <message>
        <source>Draft not restored</source>
        <translation>Черновик не восстановлен</translation>
    </message>
    <message>
        <source>Draft not saved</source>
        <translation>Черновик не сохранён</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>From: give your own address, e.g. Ana Lima &lt;ana@example.org&gt;</source>
        <translation>От: укажите свой адрес, например Ana Lima &lt;ana@example.org&gt;</translation>
    </message>
    <message>
        <source>To: give at least one recipient (To, Cc or Bcc)</source>
        <translation>Кому: укажите хотя бы одного получателя (Кому, Копия или Скрытая копия)</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Повторная отправка</translation>
    </message>
    <message>
        <source>This message has already been sent. Send it again?</source>
        <translation>Это письмо уже отправлено. Отправить ещё раз?</translation>
    </message>
    <message>
        <source>Send &amp;Again</source>
        <translation>Отправить &amp;ещё раз</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: %2</source>
        <translation>Учётная запись «%1»: %2</translation>
    </message>
    <message>
        <source>Waiting for the local sandbox to start…</source>
        <translation>Ждём запуска локальной песочницы…</translation>
    </message>
    <message>
        <source>Account &quot;%1&quot;: the local sandbox did not start: %2</source>
        <translation>Учётная запись «%1»: локальная песочница не запустилась: %2</translation>
    </message>
    <message>
        <source>Looking up the recipients&apos; mail servers (MX)…</source>
        <translation>Ищем почтовые серверы получателей (MX)…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Подключение к %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s greeting…</source>
        <translation>Ждём приветствия сервера…</translation>
    </message>
    <message>
        <source>Introducing ourselves (EHLO)…</source>
        <translation>Представляемся (EHLO)…</translation>
    </message>
    <message>
        <source>Starting TLS…</source>
        <translation>Начинаем TLS…</translation>
    </message>
    <message>
        <source>Waiting for your decision on the server&apos;s certificate…</source>
        <translation>Ждём вашего решения о сертификате сервера…</translation>
    </message>
    <message>
        <source>Authenticating…</source>
        <translation>Аутентификация…</translation>
    </message>
    <message>
        <source>Waiting for the password…</source>
        <translation>Ждём пароль…</translation>
    </message>
    <message>
        <source>Giving the sender (MAIL FROM)…</source>
        <translation>Передаём отправителя (MAIL FROM)…</translation>
    </message>
    <message>
        <source>Giving the recipients (RCPT TO)…</source>
        <translation>Передаём получателей (RCPT TO)…</translation>
    </message>
    <message>
        <source>Starting the message (DATA)…</source>
        <translation>Начинаем письмо (DATA)…</translation>
    </message>
    <message>
        <source>Sending the message…</source>
        <translation>Отправляем письмо…</translation>
    </message>
    <message>
        <source>Waiting for the server to accept the message…</source>
        <translation>Ждём, пока сервер примет письмо…</translation>
    </message>
    <message>
        <source>Resetting the transaction (RSET)…</source>
        <translation>Сбрасываем транзакцию (RSET)…</translation>
    </message>
    <message>
        <source>Closing the connection (QUIT)…</source>
        <translation>Закрываем соединение (QUIT)…</translation>
    </message>
    <message>
        <source>%1 of %2 (%3%)</source>
        <translation>%1 из %2 (%3%)</translation>
    </message>
    <message>
        <source>Sending %1 of %2</source>
        <translation>Отправка: %1 из %2</translation>
    </message>
    <message>
        <source>The form is ready for a new message; Message ▸ Edit Last Sent as New brings this one back.</source>
        <translation>Форма готова для нового письма; «Письмо ▸ Изменить последнее отправленное как новое» вернёт это письмо.</translation>
    </message>
    <message>
        <source>This sender is not the address of the account &quot;%1&quot; (%2). &lt;a href=&quot;use&quot;&gt;Use the account&apos;s address&lt;/a&gt;</source>
        <translation>Этот отправитель — не адрес учётной записи «%1» (%2). &lt;a href=&quot;use&quot;&gt;Взять адрес учётной записи&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The Server Would Refuse This</source>
        <translation>Сервер это отклонит</translation>
    </message>
    <message>
        <source>What %1 said about itself:</source>
        <translation>Что %1 сообщил о себе:</translation>
    </message>
    <message>
        <source>Send &amp;Anyway</source>
        <translation>Всё равно &amp;отправить</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Локальная песочница</translation>
    </message>
    <message>
        <source>Edit as New</source>
        <translation>Изменить как новое</translation>
    </message>
    <message>
        <source>Discard the message you are writing?</source>
        <translation>Отказаться от письма, которое вы пишете?</translation>
    </message>
    <message>
        <source>Open Message</source>
        <translation>Открыть письмо</translation>
    </message>
    <message>
        <source>Mail messages (*.eml);;All files (*)</source>
        <translation>Письма (*.eml);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Открыто: %1</translation>
    </message>
    <message>
        <source>Cannot open the message</source>
        <translation>Не удалось открыть письмо</translation>
    </message>
    <message>
        <source>Saving %1 of %2</source>
        <translation>Сохранение: %1 из %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Message not saved</source>
        <translation>Письмо не сохранено</translation>
    </message>
    <message>
        <source>A save is already running</source>
        <translation>Сохранение уже идёт</translation>
    </message>
    <message>
        <source>Save Message As</source>
        <translation>Сохранить письмо как</translation>
    </message>
    <message>
        <source>Mail messages (*.eml)</source>
        <translation>Письма (*.eml)</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>Открыть ссылку</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>The message is still being sent. Stop sending and close? Your message is kept as a draft.</source>
        <translation>Письмо ещё отправляется. Остановить отправку и закрыть? Письмо сохранится как черновик.</translation>
    </message>
    <message>
        <source>&amp;Stop and Close</source>
        <translation>&amp;Остановить и закрыть</translation>
    </message>
    <message>
        <source>&amp;Keep Sending</source>
        <translation>&amp;Продолжить отправку</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>О&amp;тветить</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Answer the sender of the selected sandbox message or of the opened .eml</source>
        <translation>Ответить отправителю письма, выбранного во входящих песочницы, или открытого .eml</translation>
    </message>
    <message>
        <source>Reply A&amp;ll</source>
        <translation>Ответить все&amp;м</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Answer the sender and every other recipient (not yourself)</source>
        <translation>Ответить отправителю и всем остальным получателям (кроме вас)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Пе&amp;реслать</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Send the message on to someone else, its text quoted and its attachments kept</source>
        <translation>Переслать письмо кому-то ещё: текст цитируется, вложения сохраняются</translation>
    </message>
    <message>
        <source>Forward as Attachmen&amp;t</source>
        <translation>Переслать как в&amp;ложение</translation>
    </message>
    <message>
        <source>Send the whole message on, unchanged, as an attached .eml (message/rfc822)</source>
        <translation>Переслать всё письмо без изменений как вложенный .eml (message/rfc822)</translation>
    </message>
    <message>
        <source>Message to Answer</source>
        <translation>Письмо для ответа</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <source>Cannot answer the message</source>
        <translation>Не удалось ответить на письмо</translation>
    </message>
    <message>
        <source>Cannot forward the message</source>
        <translation>Не удалось переслать письмо</translation>
    </message>
    <message>
        <source>%1 could not be copied to %2</source>
        <translation>Не удалось скопировать %1 в %2</translation>
    </message>
    <message>
        <source>Answering &quot;%1&quot;</source>
        <translation>Ответ на «%1»</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправленные</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>Отправленные письма</translation>
    </message>
    <message>
        <source>Sen&amp;t Messages</source>
        <translation>&amp;Отправленные</translation>
    </message>
    <message>
        <source>Every message sent from this window: search, reuse, send again</source>
        <translation>Все письма, отправленные из этого окна: поиск, повторное использование, повторная отправка</translation>
    </message>
    <message>
        <source>Not kept in Sent</source>
        <translation>Не сохранено в «Отправленных»</translation>
    </message>
    <message numerus="yes">
        <source>%n oldest sent messages removed to keep the Sent folder within its limit</source>
        <translation>
            <numerusform>Удалено %n самое старое отправленное письмо, чтобы папка «Отправленные» не превысила свой предел</numerusform>
            <numerusform>Удалены %n самых старых отправленных письма, чтобы папка «Отправленные» не превысила свой предел</numerusform>
            <numerusform>Удалено %n самых старых отправленных писем, чтобы папка «Отправленные» не превысила свой предел</numerusform>
        </translation>
    </message>
    <message>
        <source>Use as New</source>
        <translation>Использовать как новое</translation>
    </message>
    <message>
        <source>The account has no address; add some in Accounts</source>
        <translation>У учётной записи нет адресов; добавьте их в окне «Учётные записи»</translation>
    </message>
    <message>
        <source>Choose one of the account&apos;s From addresses</source>
        <translation>Выбрать один из адресов отправителя учётной записи</translation>
    </message>
    <message>
        <source>OAuth 2: access token renewed at %1 (expires %2)</source>
        <translation>OAuth 2: маркер доступа обновлён в %1 (действует до %2)</translation>
    </message>
    <message>
        <source>OAuth 2: access token renewed at %1</source>
        <translation>OAuth 2: маркер доступа обновлён в %1</translation>
    </message>
    <message>
        <source>OAuth 2: %1</source>
        <translation>OAuth 2: %1</translation>
    </message>
    <message>
        <source>Sign in with the provider in your browser to send the message; it goes out as soon as you have.</source>
        <translation>Чтобы отправить письмо, войдите у провайдера в браузере; оно уйдёт сразу после входа.</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Нужен вход</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>OAuth 2: the server refused the access token; the next send gets a new one from %1</source>
        <translation>OAuth 2: сервер отклонил маркер доступа; при следующей отправке новый будет получен в %1</translation>
    </message>
    <message>
        <source>OAuth 2: %1: %2</source>
        <translation>OAuth 2: %1: %2</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
    <message>
        <source>%1
The message is kept; send it again when you are ready.</source>
        <translation>%1
Письмо сохранено; отправьте его снова, когда будете готовы.</translation>
    </message>
    <message>
        <source>Getting an OAuth 2 access token…</source>
        <translation>Получение маркера доступа OAuth 2…</translation>
    </message>
    <message>
        <source>Message %1 is no longer in the sandbox inbox.</source>
        <translation>Письма %1 больше нет во входящих песочницы.</translation>
    </message>
</context>
<context>
    <name>ConsolePanel</name>
    <message>
        <source>Send Line</source>
        <translation>Отправить строку</translation>
    </message>
    <message>
        <source>Choose a server and Connect: its greeting appears here, then each line you type (C:) and what the server answers (S:). Select a line to read what it means.</source>
        <translation>Выберите сервер и нажмите «Подключиться»: здесь появится его приветствие, затем каждая набранная вами строка (C:) и ответ сервера (S:). Выберите строку, чтобы прочитать, что она значит.</translation>
    </message>
    <message>
        <source>Server to talk to</source>
        <translation>Сервер для диалога</translation>
    </message>
    <message>
        <source>Line to send</source>
        <translation>Строка для отправки</translation>
    </message>
    <message>
        <source>an SMTP line, e.g. EHLO me.example</source>
        <translation>строка SMTP, например EHLO me.example</translation>
    </message>
    <message>
        <source>Why the line was not sent</source>
        <translation>Почему строка не отправлена</translation>
    </message>
    <message>
        <source>Enter sends the line with CRLF. \r, \n and \xHH send exact bytes (\\ is a backslash). Tab completes, Up and Down recall lines. After DATA&apos;s 354, lines are the message until a lone &quot;.&quot;.</source>
        <translation>Enter отправляет строку с CRLF. \r, \n и \xHH отправляют точные байты (\\ — обратная косая черта). Tab дополняет, стрелки вверх и вниз вызывают прежние строки. После ответа 354 на DATA строки — это письмо, до строки из одной «.».</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Tab: %1</source>
        <translation>Tab: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a server: add an account first (Accounts...)</source>
        <translation>Выберите сервер: сначала добавьте учётную запись (Учётные записи...)</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; cannot be used: %2</source>
        <translation>Учётную запись «%1» нельзя использовать: %2</translation>
    </message>
    <message>
        <source>%1 (console)</source>
        <translation>%1 (консоль)</translation>
    </message>
    <message>
        <source>Session ended after QUIT</source>
        <translation>Сеанс завершён после QUIT</translation>
    </message>
    <message>
        <source>Session ended: %1</source>
        <translation>Сеанс завершён: %1</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Отключиться</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключиться</translation>
    </message>
    <message>
        <source>Send QUIT and end the session</source>
        <translation>Отправить QUIT и завершить сеанс</translation>
    </message>
    <message>
        <source>Open a session with the chosen server</source>
        <translation>Открыть сеанс с выбранным сервером</translation>
    </message>
    <message>
        <source>Postwire is busy (TLS or AUTH)...</source>
        <translation>Postwire занят (TLS или AUTH)...</translation>
    </message>
    <message>
        <source>Message data: end it with a line holding only &quot;.&quot;</source>
        <translation>Данные письма: завершите их строкой из одной «.»</translation>
    </message>
    <message>
        <source>Waiting for the server...</source>
        <translation>Ждём сервер...</translation>
    </message>
    <message>
        <source>Connected, encrypted: type a line</source>
        <translation>Подключено, шифруется: наберите строку</translation>
    </message>
    <message>
        <source>Connected: type a line</source>
        <translation>Подключено: наберите строку</translation>
    </message>
</context>
<context>
    <name>CredentialDialog</name>
    <message>
        <source>Password for %1</source>
        <translation>Пароль для %1</translation>
    </message>
    <message>
        <source>%1 asks for a password, and none is stored for this account.</source>
        <translation>%1 запрашивает пароль, а для этой учётной записи он не сохранён.</translation>
    </message>
    <message>
        <source>%1 refused the login:
%2

Check the password (some providers want an app password here).</source>
        <translation>%1 отклонил вход:
%2

Проверьте пароль (некоторые провайдеры требуют здесь пароль приложения).</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Remember it (in %1)</source>
        <translation>&amp;Запомнить (в %1)</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Войти</translation>
    </message>
</context>
<context>
    <name>DataFoldersDialog</name>
    <message>
        <source>Accounts and settings</source>
        <translation>Учётные записи и настройки</translation>
    </message>
    <message>
        <source>Drafts, the sandbox&apos;s messages and certificate, the history of attempts</source>
        <translation>Черновики, письма и сертификат песочницы, история попыток</translation>
    </message>
    <message>
        <source>Where Postwire Keeps Its Data</source>
        <translation>Где Postwire хранит данные</translation>
    </message>
    <message>
        <source>Passwords are kept in the desktop keychain, never in these folders.</source>
        <translation>Пароли хранятся в связке ключей рабочего стола, никогда — в этих папках.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open %1 in the file manager</source>
        <translation>Открыть %1 в файловом менеджере</translation>
    </message>
</context>
<context>
    <name>DirectSend</name>
    <message>
        <source>%1 (MX) for %2</source>
        <translation>%1 (MX) для %2</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Not delivered: no recipient domain took the message</source>
        <translation>Не доставлено: ни один домен получателей не принял письмо</translation>
    </message>
    <message>
        <source>Delivered to %1 of %2 recipient domains</source>
        <translation>Доставлено в %1 из %2 доменов получателей</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 (сервер %3)</translation>
    </message>
    <message>
        <source>, encrypted (certificate not verified)</source>
        <translation>, зашифровано (сертификат не проверен)</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>, зашифровано</translation>
    </message>
    <message>
        <source>, queue id %1</source>
        <translation>, ID в очереди %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>    %1: refused: %2</source>
        <translation>    %1: отклонено: %2</translation>
    </message>
    <message>
        <source>    %1: not sent</source>
        <translation>    %1: не отправлено</translation>
    </message>
    <message numerus="yes">
        <source>Delivered to every recipient&apos;s mail server (%n domains)</source>
        <translation>
            <numerusform>Доставлено на почтовые серверы всех получателей (%n домен)</numerusform>
            <numerusform>Доставлено на почтовые серверы всех получателей (%n домена)</numerusform>
            <numerusform>Доставлено на почтовые серверы всех получателей (%n доменов)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormatToolbar</name>
    <message>
        <source>Format</source>
        <translation>Форматирование</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>Стиль абзаца</translation>
    </message>
    <message>
        <source>Paragraph or heading (Ctrl+0 to Ctrl+3)</source>
        <translation>Абзац или заголовок (от Ctrl+0 до Ctrl+3)</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Абзац</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Заголовок 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Заголовок 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Заголовок 3</translation>
    </message>
    <message>
        <source>B</source>
        <translation>Ж</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Полужирный</translation>
    </message>
    <message>
        <source>I</source>
        <translation>К</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Курсив</translation>
    </message>
    <message>
        <source>U</source>
        <translation>Ч</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Подчёркнутый</translation>
    </message>
    <message>
        <source>S</source>
        <translation>З</translation>
    </message>
    <message>
        <source>Strike-through</source>
        <translation>Зачёркнутый</translation>
    </message>
    <message>
        <source>A</source>
        <translation>А</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Цвет текста</translation>
    </message>
    <message>
        <source>H</source>
        <translation>Ф</translation>
    </message>
    <message>
        <source>Highlight colour</source>
        <translation>Цвет фона</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Маркированный список</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Нумерованный список</translation>
    </message>
    <message>
        <source>⇤</source>
        <translation>⇤</translation>
    </message>
    <message>
        <source>Less indent</source>
        <translation>Уменьшить отступ</translation>
    </message>
    <message>
        <source>⇥</source>
        <translation>⇥</translation>
    </message>
    <message>
        <source>More indent</source>
        <translation>Увеличить отступ</translation>
    </message>
    <message>
        <source>Quote block</source>
        <translation>Блок цитаты</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Ссылка</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Link the selected text to an address</source>
        <translation>Сделать выделенный текст ссылкой на адрес</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Clear formatting</source>
        <translation>Очистить форматирование</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No highlight</source>
        <translation>Без фона</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Black</source>
        <translation>Чёрный</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Красный</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Оранжевый</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Фиолетовый</translation>
    </message>
    <message>
        <source>Address (https://... or mailto:...); empty removes the link:</source>
        <translation>Адрес (https://... или mailto:...); пустое поле удаляет ссылку:</translation>
    </message>
    <message>
        <source>•</source>
        <translation>•</translation>
    </message>
    <message>
        <source>1.</source>
        <translation>1.</translation>
    </message>
    <message>
        <source>❝</source>
        <translation>❝</translation>
    </message>
    <message>
        <source>Clear Formatting</source>
        <translation>Убрать оформление</translation>
    </message>
    <message>
        <source>⋯</source>
        <translation>⋯</translation>
    </message>
    <message>
        <source>More formatting: strike-through, clear formatting</source>
        <translation>Ещё оформление: зачёркивание, снятие оформления</translation>
    </message>
    <message>
        <source>More formatting</source>
        <translation>Ещё оформление</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Where Postwire Keeps Its &amp;Data</source>
        <translation>Где Postwire хранит &amp;данные</translation>
    </message>
    <message>
        <source>&amp;About Postwire</source>
        <translation>&amp;О программе Postwire</translation>
    </message>
</context>
<context>
    <name>HistoryCompareView</name>
    <message>
        <source>(no reply)</source>
        <translation>(нет ответа)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>First (A)</source>
        <translation>Первая (A)</translation>
    </message>
    <message>
        <source>Second (B)</source>
        <translation>Вторая (B)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>%1 %2 to %3: %4</source>
        <translation>%1 %2 → %3: %4</translation>
    </message>
    <message>
        <source>A: %1
B: %2
</source>
        <translation>A: %1
B: %2
</translation>
    </message>
    <message>
        <source>The same steps with the same replies.</source>
        <translation>Те же шаги с теми же ответами.</translation>
    </message>
    <message>
        <source>same reply code, other text</source>
        <translation>тот же код ответа, другой текст</translation>
    </message>
    <message>
        <source>the same</source>
        <translation>одинаково</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>различается</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>только в A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>только в B</translation>
    </message>
    <message>
        <source>extensions added: %1</source>
        <translation>добавлены расширения: %1</translation>
    </message>
    <message>
        <source>extensions removed: %1</source>
        <translation>убраны расширения: %1</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>изменено: %1</translation>
    </message>
    <message numerus="yes">
        <source>   … %n extensions</source>
        <translation>
            <numerusform>   … %n расширение</numerusform>
            <numerusform>   … %n расширения</numerusform>
            <numerusform>   … %n расширений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps differ.</source>
        <translation>
            <numerusform>Различается %n шаг.</numerusform>
            <numerusform>Различаются %n шага.</numerusform>
            <numerusform>Различаются %n шагов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Filter by account</source>
        <translation>Фильтр по учётной записи</translation>
    </message>
    <message>
        <source>Filter by server</source>
        <translation>Фильтр по серверу</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>Фильтр по итогу</translation>
    </message>
    <message>
        <source>Select two attempts to compare them step by step</source>
        <translation>Выберите две попытки, чтобы сравнить их по шагам</translation>
    </message>
    <message>
        <source>Save the selected attempt as text, HTML or JSON</source>
        <translation>Сохранить выбранную попытку как текст, HTML или JSON</translation>
    </message>
    <message>
        <source>Delete the selected attempts from the history</source>
        <translation>Удалить выбранные попытки из истории</translation>
    </message>
    <message>
        <source>Copy Command</source>
        <translation>Копировать как</translation>
    </message>
    <message>
        <source>Copy the command line that repeats this attempt in a terminal</source>
        <translation>Скопировать командную строку, которая повторит эту попытку в терминале</translation>
    </message>
    <message>
        <source>postwire send</source>
        <translation>postwire send</translation>
    </message>
    <message>
        <source>swaks</source>
        <translation>swaks</translation>
    </message>
    <message>
        <source>Attempts kept</source>
        <translation>Хранить попыток</translation>
    </message>
    <message>
        <source>The oldest attempts are removed beyond this number</source>
        <translation>Сверх этого числа старые попытки удаляются</translation>
    </message>
    <message>
        <source>Every send and test connection is kept here. Select an attempt to read its transcript; select two and press Compare to see what changed, step by step.</source>
        <translation>Здесь хранится каждая отправка и проверка подключения. Выберите попытку, чтобы прочитать её журнал сеанса; выберите две и нажмите «Сравнить», чтобы увидеть, что изменилось, шаг за шагом.</translation>
    </message>
    <message>
        <source>Keep last:</source>
        <translation>Хранить:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>(command line)</source>
        <translation>(командная строка)</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Все уч. записи</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>Все серверы</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Любой итог</translation>
    </message>
    <message>
        <source>The attempt %1 is no longer in the history.</source>
        <translation>Попытки %1 больше нет в истории.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Не удалось сохранить %1: %2</translation>
    </message>
    <message>
        <source>Export Attempt</source>
        <translation>Экспорт попытки</translation>
    </message>
    <message>
        <source>HTML, explanations visible (*.html)</source>
        <translation>HTML, пояснения видны (*.html)</translation>
    </message>
    <message>
        <source>Text, explanations inline (*.txt)</source>
        <translation>Текст, пояснения в строках (*.txt)</translation>
    </message>
    <message>
        <source>JSON, one object per event (*.json)</source>
        <translation>JSON, по объекту на событие (*.json)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Copied: %1 (set %2 to the password first)</source>
        <translation>Скопировано: %1 (сначала задайте пароль в переменной %2)</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Скопировано: %1</translation>
    </message>
    <message>
        <source>Delete Attempts</source>
        <translation>Удаление попыток</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n attempts from the history?</source>
        <translation>
            <numerusform>Удалить из истории %n попытку?</numerusform>
            <numerusform>Удалить из истории %n попытки?</numerusform>
            <numerusform>Удалить из истории %n попыток?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxHtmlView</name>
    <message>
        <source>HTML body</source>
        <translation>HTML-текст</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Only in the envelope (Bcc): %1</source>
        <translation>Только в конверте (Bcc): %1</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>From (header)</source>
        <translation>От (заголовок)</translation>
    </message>
    <message>
        <source>To (header)</source>
        <translation>Кому (заголовок)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>MAIL FROM (envelope)</source>
        <translation>MAIL FROM (конверт)</translation>
    </message>
    <message>
        <source>RCPT TO (envelope)</source>
        <translation>RCPT TO (конверт)</translation>
    </message>
    <message>
        <source>This stored message is damaged: %1</source>
        <translation>Это сохранённое письмо повреждено: %1</translation>
    </message>
    <message>
        <source>(damaged: %1) %2</source>
        <translation>(повреждено: %1) %2</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <source>Sandbox inbox</source>
        <translation>Входящие песочницы</translation>
    </message>
    <message>
        <source>Received messages</source>
        <translation>Полученные письма</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected message</source>
        <translation>Удалить выбранное письмо</translation>
    </message>
    <message>
        <source>Delete all…</source>
        <translation>Удалить все…</translation>
    </message>
    <message>
        <source>Delete all messages</source>
        <translation>Удалить все письма</translation>
    </message>
    <message>
        <source>Envelope and headers</source>
        <translation>Конверт и заголовки</translation>
    </message>
    <message>
        <source>Text body</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Raw source</source>
        <translation>Исходный текст</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Save attac&amp;hment…</source>
        <translation>Сохранить &amp;вложение…</translation>
    </message>
    <message>
        <source>Save the selected attachment to disk</source>
        <translation>Сохранить выбранное вложение на диск</translation>
    </message>
    <message>
        <source>Session transcript</source>
        <translation>Журнал сеанса</translation>
    </message>
    <message>
        <source>Message views</source>
        <translation>Представления письма</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Ra&amp;w source</source>
        <translation>&amp;Исходный текст</translation>
    </message>
    <message>
        <source>No messages yet. Send one to the sandbox and it shows here.</source>
        <translation>Писем пока нет. Отправьте письмо в песочницу, и оно появится здесь.</translation>
    </message>
    <message>
        <source>Select a message.</source>
        <translation>Выберите письмо.</translation>
    </message>
    <message>
        <source>(envelope only: Bcc)</source>
        <translation>(только в конверте: Bcc)</translation>
    </message>
    <message>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <source>RCPT TO</source>
        <translation>RCPT TO</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>От:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Копия:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сеанс</translation>
    </message>
    <message>
        <source>%1 bytes by %2 from %3 (EHLO %4); %5; %6</source>
        <translation>%1 байт через %2 от %3 (EHLO %4); %5; %6</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>без TLS</translation>
    </message>
    <message>
        <source>not authenticated</source>
        <translation>без аутентификации</translation>
    </message>
    <message>
        <source>AUTH %1 as %2</source>
        <translation>AUTH %1 как %2</translation>
    </message>
    <message>
        <source>(This message has only an HTML body.)</source>
        <translation>(У этого письма только HTML-текст.)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;This message has no HTML body.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;У этого письма нет HTML-текста.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(Added by the sandbox, not part of the stored message:)
%1

</source>
        <translation>(Добавлено песочницей, в сохранённое письмо не входит:)
%1

</translation>
    </message>
    <message>
        <source>%1 (%2, %3 bytes)</source>
        <translation>%1 (%2, %3 байт)</translation>
    </message>
    <message>
        <source>unnamed part</source>
        <translation>безымянная часть</translation>
    </message>
    <message>
        <source>Save attachment: there is no attachment %1</source>
        <translation>Сохранение вложения: вложения %1 нет</translation>
    </message>
    <message>
        <source>Save attachment: cannot write %1: %2</source>
        <translation>Сохранение вложения: не удалось записать %1: %2</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Сохранить вложение</translation>
    </message>
    <message numerus="yes">
        <source>%n remote resources not loaded: the sandbox never fetches content from the network.</source>
        <translation>
            <numerusform>%n внешний ресурс не загружен: песочница никогда не берёт содержимое из сети.</numerusform>
            <numerusform>%n внешних ресурса не загружено: песочница никогда не берёт содержимое из сети.</numerusform>
            <numerusform>%n внешних ресурсов не загружено: песочница никогда не берёт содержимое из сети.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages, %1 KiB</source>
        <translation>
            <numerusform>%n письмо, %1 КиБ</numerusform>
            <numerusform>%n письма, %1 КиБ</numerusform>
            <numerusform>%n писем, %1 КиБ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete all %n messages the sandbox received?</source>
        <translation>
            <numerusform>Удалить все письма, полученные песочницей (%n)?</numerusform>
            <numerusform>Удалить все письма, полученные песочницей (%n)?</numerusform>
            <numerusform>Удалить все письма, полученные песочницей (%n)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Search sender, recipient, subject or date (2026-11-30)</source>
        <translation>Поиск по отправителю, получателю, теме или дате (2026-11-30)</translation>
    </message>
    <message>
        <source>Search the inbox</source>
        <translation>Поиск во входящих</translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>показано: %n</numerusform>
            <numerusform>показано: %n</numerusform>
            <numerusform>показано: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n damaged</source>
        <translation>
            <numerusform>повреждено: %n</numerusform>
            <numerusform>повреждено: %n</numerusform>
            <numerusform>повреждено: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Повреждено</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>О&amp;тветить</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>Ответить все&amp;м</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>Пе&amp;реслать</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>Переслать как в&amp;ложение</translation>
    </message>
    <message>
        <source>Reply to the selected message</source>
        <translation>Ответить на выбранное письмо</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lang&amp;uage</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>язык системы</translation>
    </message>
    <message>
        <source>Postwire will be in %1 from its next start.</source>
        <translation>Язык интерфейса со следующего запуска: %1.</translation>
    </message>
</context>
<context>
    <name>LessonConversation</name>
    <message>
        <source>Lesson transcript</source>
        <translation>Журнал урока</translation>
    </message>
</context>
<context>
    <name>LessonWindow</name>
    <message>
        <source>Learn SMTP — Postwire</source>
        <translation>Изучение SMTP — Postwire</translation>
    </message>
    <message>
        <source>The sandbox could not start: %1</source>
        <translation>Песочница не запустилась: %1</translation>
    </message>
    <message>
        <source>&amp;Lesson:</source>
        <translation>&amp;Урок:</translation>
    </message>
    <message>
        <source>&amp;Restart Lesson</source>
        <translation>&amp;Начать урок заново</translation>
    </message>
    <message>
        <source>&amp;Next Lesson</source>
        <translation>&amp;Следующий урок</translation>
    </message>
    <message>
        <source>Your line</source>
        <translation>Ваша строка</translation>
    </message>
    <message>
        <source>Type the line and press Enter</source>
        <translation>Наберите строку и нажмите Enter</translation>
    </message>
    <message>
        <source>&amp;Your line:</source>
        <translation>&amp;Ваша строка:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Send &amp;Anyway</source>
        <translation>Всё равно от&amp;править</translation>
    </message>
    <message>
        <source>Send the line as typed and see what the server says (Ctrl+Enter)</source>
        <translation>Отправить строку как есть и посмотреть, что ответит сервер (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>Пере&amp;подключиться</translation>
    </message>
    <message>
        <source>The lessons talk to the built-in sandbox. While this window is open the sandbox behaves as each lesson needs; its own settings come back when you close it. Your message form is not touched.</source>
        <translation>Уроки идут со встроенной песочницей. Пока это окно открыто, песочница ведёт себя так, как нужно уроку; её собственные настройки вернутся, когда вы его закроете. Ваша форма письма не затрагивается.</translation>
    </message>
    <message>
        <source>starting the sandbox…</source>
        <translation>запуск песочницы…</translation>
    </message>
    <message>
        <source>The lesson&apos;s sandbox behaviour cannot be used: %1</source>
        <translation>Поведение песочницы для урока нельзя применить: %1</translation>
    </message>
    <message>
        <source>the session ended</source>
        <translation>сеанс завершён</translation>
    </message>
    <message>
        <source>Type for example:</source>
        <translation>Наберите, например:</translation>
    </message>
    <message>
        <source>Well done: %1</source>
        <translation>Отлично: %1</translation>
    </message>
    <message>
        <source>Not connected: nothing was sent.</source>
        <translation>Нет соединения: ничего не отправлено.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
</context>
<context>
    <name>MainWindowSandbox</name>
    <message>
        <source>%1=&quot;%2&quot; is not a port (0-65535, 0 for any free port); using %3</source>
        <translation>%1=«%2» — не порт (0–65535, 0 — любой свободный); используется %3</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Локальная песочница</translation>
    </message>
    <message>
        <source>Local sandbox: port %1 is in use (another Postwire?), so it listens on port %2; the &quot;Local sandbox&quot; account follows.</source>
        <translation>Локальная песочница: порт %1 занят (другой Postwire?), поэтому она слушает порт %2; учётная запись «Локальная песочница» следует за ней.</translation>
    </message>
    <message>
        <source>Postwire&apos;s built-in mail server on this computer. It is starting (on the first run it first makes a TLS certificate for this installation)…</source>
        <translation>Встроенный почтовый сервер Postwire на этом компьютере. Он запускается (при первом запуске сначала создаётся TLS-сертификат для этой установки)…</translation>
    </message>
    <message>
        <source>Postwire&apos;s built-in mail server could not start: %1</source>
        <translation>Встроенный почтовый сервер Postwire не запустился: %1</translation>
    </message>
    <message>
        <source>no encryption (chosen in the account)</source>
        <translation>без шифрования (выбрано в учётной записи)</translation>
    </message>
    <message>
        <source>no encryption: the sandbox has no certificate (%1); nothing leaves this computer</source>
        <translation>без шифрования: у песочницы нет сертификата (%1); ничто не покидает этот компьютер</translation>
    </message>
    <message>
        <source>STARTTLS, its certificate (made for this installation) trusted as the account&apos;s CA</source>
        <translation>STARTTLS, его сертификат (созданный для этой установки) доверен как УЦ учётной записи</translation>
    </message>
    <message>
        <source>STARTTLS, its certificate trusted by fingerprint</source>
        <translation>STARTTLS, его сертификат доверен по отпечатку</translation>
    </message>
    <message>
        <source>Postwire&apos;s built-in server, port %1: %2; login &quot;%3&quot;. Messages stay on this computer, in the sandbox inbox.</source>
        <translation>Встроенный сервер Postwire, порт %1: %2; логин «%3». Письма остаются на этом компьютере, во входящих песочницы.</translation>
    </message>
</context>
<context>
    <name>OAuthAccess</name>
    <message>
        <source>The OAuth 2 sign-in could not be kept in %1: %2; it lasts until Postwire quits</source>
        <translation>Вход OAuth 2 не удалось сохранить в %1: %2; он действует до выхода из Postwire</translation>
    </message>
    <message>
        <source>Sign In in a Browser</source>
        <translation>Вход в браузере</translation>
    </message>
    <message>
        <source>No web browser could be opened. Open this address in a browser on this computer to sign in; Postwire waits for the answer.</source>
        <translation>Не удалось открыть браузер. Откройте этот адрес в браузере на этом компьютере, чтобы войти; Postwire ждёт ответа.</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Адрес входа</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>&amp;Копировать адрес</translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>вход отменён</translation>
    </message>
    <message>
        <source>the renewal of the access token was cancelled</source>
        <translation>обновление маркера доступа отменено</translation>
    </message>
    <message>
        <source>the OAuth 2 sign-in could not be read from %1: %2</source>
        <translation>вход OAuth 2 не удалось прочитать из %1: %2</translation>
    </message>
</context>
<context>
    <name>OAuthAccountRows</name>
    <message>
        <source>Where you sign in with the provider, in your browser</source>
        <translation>Где вы входите у провайдера, в браузере</translation>
    </message>
    <message>
        <source>Where Postwire exchanges the sign-in, and later the refresh token, for an access token</source>
        <translation>Где Postwire обменивает вход, а затем маркер обновления, на маркер доступа</translation>
    </message>
    <message>
        <source>The permissions asked for, separated by spaces (the provider&apos;s scope for sending mail by SMTP)</source>
        <translation>Запрашиваемые права через пробел (область провайдера для отправки почты по SMTP)</translation>
    </message>
    <message>
        <source>from your app registration with the provider</source>
        <translation>из регистрации вашего приложения у провайдера</translation>
    </message>
    <message>
        <source>The client ID of the OAuth client you registered with the provider (see the README: Accounts)</source>
        <translation>Идентификатор клиента OAuth, зарегистрированного вами у провайдера (см. README: Accounts)</translation>
    </message>
    <message>
        <source>OAuth 2 client secret</source>
        <translation>Секрет клиента OAuth 2</translation>
    </message>
    <message>
        <source>Only where the provider gives one (Google does for a desktop client); kept in %1 with the tokens</source>
        <translation>Только если провайдер его выдаёт (Google — для клиента Desktop app); хранится в %1 вместе с маркерами</translation>
    </message>
    <message>
        <source>Authori&amp;zation URL:</source>
        <translation>Адрес &amp;авторизации:</translation>
    </message>
    <message>
        <source>To&amp;ken URL:</source>
        <translation>Адрес &amp;маркеров:</translation>
    </message>
    <message>
        <source>Sco&amp;pe:</source>
        <translation>О&amp;бласть (scope):</translation>
    </message>
    <message>
        <source>C&amp;lient ID:</source>
        <translation>&amp;Идентификатор клиента:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Секрет клиента:</translation>
    </message>
    <message>
        <source>OAuth 2:</source>
        <translation>OAuth 2:</translation>
    </message>
    <message>
        <source>stored; type to replace it</source>
        <translation>сохранён; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>none stored; give it where the provider requires one</source>
        <translation>не сохранён; укажите, если провайдер его требует</translation>
    </message>
    <message>
        <source>Signed in; the access token is renewed before each send</source>
        <translation>Вход выполнен; маркер доступа обновляется перед каждой отправкой</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Вход не выполнен</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Ожидание входа в браузере…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Looking for a sign-in…</source>
        <translation>Поиск сохранённого входа…</translation>
    </message>
    <message>
        <source>Opening the sign-in in your browser…</source>
        <translation>Открытие входа в браузере…</translation>
    </message>
    <message>
        <source>Cancel Sign-In</source>
        <translation>Отменить вход</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Войти…</translation>
    </message>
    <message>
        <source>Stop waiting for the sign-in in the browser</source>
        <translation>Перестать ждать входа в браузере</translation>
    </message>
    <message>
        <source>Sign in with the provider in your browser; Postwire keeps the tokens in the keychain and renews them before each send</source>
        <translation>Войти у провайдера в браузере; Postwire хранит маркеры в связке ключей и обновляет их перед каждой отправкой</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Send result</source>
        <translation>Результат отправки</translation>
    </message>
    <message>
        <source>Dismiss the result</source>
        <translation>Скрыть результат</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Show Fewer Lines</source>
        <translation>Показать меньше строк</translation>
    </message>
    <message numerus="yes">
        <source>Show All %n Lines</source>
        <translation>
            <numerusform>Показать всю %n строку</numerusform>
            <numerusform>Показать все %n строки</numerusform>
            <numerusform>Показать все %n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>The server accepted the message: %1</source>
        <translation>Сервер принял письмо: %1</translation>
    </message>
    <message>
        <source>Queue id: %1
The server&apos;s reply: %2</source>
        <translation>ID в очереди: %1
Ответ сервера: %2</translation>
    </message>
    <message>
        <source>%1 sent in %2.</source>
        <translation>%1 отправлено за %2.</translation>
    </message>
    <message>
        <source>Message sent</source>
        <translation>Письмо отправлено</translation>
    </message>
    <message>
        <source>Refused: %1 — %2</source>
        <translation>Отклонён: %1 — %2</translation>
    </message>
    <message>
        <source>Queue id: %1</source>
        <translation>ID в очереди: %1</translation>
    </message>
    <message>
        <source>Sent to %1 of %2 recipients; %3 refused</source>
        <translation>Отправлено %1 из %2 получателей; отклонено: %3</translation>
    </message>
    <message>
        <source>Unknown whether the message was delivered</source>
        <translation>Неизвестно, доставлено ли письмо</translation>
    </message>
    <message>
        <source>The connection ended after the message was sent but before the server confirmed it; it may or may not arrive. Your message is kept.</source>
        <translation>Соединение оборвалось после отправки письма, но до подтверждения сервера; письмо может дойти, а может и нет. Ваше письмо сохранено.</translation>
    </message>
    <message>
        <source>Sending cancelled</source>
        <translation>Отправка отменена</translation>
    </message>
    <message>
        <source>Your message is kept.</source>
        <translation>Ваше письмо сохранено.</translation>
    </message>
    <message>
        <source>Stopped %1. Your message is kept.</source>
        <translation>Остановлено %1. Ваше письмо сохранено.</translation>
    </message>
    <message>
        <source>Meaning: %1</source>
        <translation>Значение: %1</translation>
    </message>
    <message>
        <source>Nothing was lost: your message is still here.</source>
        <translation>Ничего не потеряно: ваше письмо по-прежнему здесь.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Not sent: stopped %1</source>
        <translation>Не отправлено: остановлено %1</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <source>Message text</source>
        <translation>Текст письма</translation>
    </message>
    <message>
        <source>Plain Text</source>
        <translation>Обычный текст</translation>
    </message>
    <message>
        <source>Send this message as plain text (format=flowed), without formatting; the account sets the default</source>
        <translation>Отправить это письмо обычным текстом (format=flowed), без форматирования; значение по умолчанию задаёт учётная запись</translation>
    </message>
    <message>
        <source>Edit the HTML source, beside a preview of the HTML and of the plain-text part that will be sent</source>
        <translation>Править исходный код HTML рядом с предпросмотром HTML и текстовой части, которые будут отправлены</translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation>Язык проверки орфографии</translation>
    </message>
    <message>
        <source>The language misspelt words are underlined in (Hunspell dictionaries installed on this system)</source>
        <translation>Язык, в котором подчёркиваются слова с ошибками (словари Hunspell, установленные в этой системе)</translation>
    </message>
    <message>
        <source>No spelling</source>
        <translation>Без проверки орфографии</translation>
    </message>
    <message>
        <source>HTML source</source>
        <translation>Исходный код HTML</translation>
    </message>
    <message>
        <source>Preview of the HTML part</source>
        <translation>Предпросмотр HTML-части</translation>
    </message>
    <message>
        <source>The plain-text part</source>
        <translation>Текстовая часть</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Plain-Text Part</source>
        <translation>Текстовая часть</translation>
    </message>
    <message>
        <source>No spelling dictionary is installed (Hunspell, in %1): spelling is off.</source>
        <translation>Не установлен ни один словарь орфографии (Hunspell, в %1): проверка орфографии отключена.</translation>
    </message>
    <message>
        <source>No spelling dictionary for %1 is installed: spelling is off until another language is chosen.</source>
        <translation>Словарь орфографии для языка «%1» не установлен: проверка орфографии отключена, пока не выбран другой язык.</translation>
    </message>
    <message>
        <source>Write your message here</source>
        <translation>Напишите письмо здесь</translation>
    </message>
    <message>
        <source>Write your message here (plain text)</source>
        <translation>Напишите письмо здесь (обычный текст)</translation>
    </message>
    <message>
        <source>The image %1 in the text is %2 once encoded for mail, more than the %3 the server takes (SIZE): make it smaller or leave it out.</source>
        <translation>Изображение %1 в тексте после кодирования для почты занимает %2 — больше, чем %3, которые принимает сервер (SIZE): уменьшите его или уберите.</translation>
    </message>
    <message>
        <source>Message Format and Spelling</source>
        <translation>Формат письма и орфография</translation>
    </message>
    <message>
        <source>HTML Source</source>
        <translation>Исходный HTML</translation>
    </message>
    <message>
        <source>Spelling:</source>
        <translation>Орфография:</translation>
    </message>
</context>
<context>
    <name>RichTextEdit</name>
    <message>
        <source>image.png</source>
        <translation>изображение.png</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Нет вариантов</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; for This Session</source>
        <translation>Добавить «%1» на этот сеанс</translation>
    </message>
</context>
<context>
    <name>SandboxApiPanel</name>
    <message>
        <source>JSON API for test suites</source>
        <translation>JSON API для автотестов</translation>
    </message>
    <message>
        <source>Serve the JSON API</source>
        <translation>Включить JSON API</translation>
    </message>
    <message>
        <source>Also to other computers (needs a token)</source>
        <translation>Также для других компьютеров (нужен токен)</translation>
    </message>
    <message>
        <source>New Token</source>
        <translation>Новый токен</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Tests of the application that sends the mail ask here what the sandbox received, as they would ask Mailpit or smtp4dev</source>
        <translation>Тесты приложения, которое отправляет почту, спрашивают здесь, что получила песочница, — так же, как спрашивали бы Mailpit или smtp4dev</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>любой свободный порт</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>Порт API</translation>
    </message>
    <message>
        <source>none: requests need no Authorization header</source>
        <translation>нет: запросам не нужен заголовок Authorization</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Токен API</translation>
    </message>
    <message>
        <source>Requests then send &quot;Authorization: Bearer &lt;token&gt;&quot;. Required when other computers may connect.</source>
        <translation>Тогда запросы отправляют «Authorization: Bearer &lt;токен&gt;». Обязателен, если могут подключаться другие компьютеры.</translation>
    </message>
    <message>
        <source>Example request</source>
        <translation>Пример запроса</translation>
    </message>
    <message>
        <source>Copy the example request</source>
        <translation>Скопировать пример запроса</translation>
    </message>
    <message>
        <source>on port</source>
        <translation>на порту</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Токен:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Пример:</translation>
    </message>
    <message>
        <source>The JSON API is off.</source>
        <translation>JSON API выключен.</translation>
    </message>
    <message>
        <source>The JSON API serves the stored messages, and the sandbox keeps none.</source>
        <translation>JSON API выдаёт сохранённые письма, а песочница писем не сохраняет.</translation>
    </message>
    <message>
        <source>Token: other computers may connect only with a token (New Token makes one), so the stored messages are not served to anyone who asks.</source>
        <translation>Токен: другие компьютеры могут подключаться только с токеном (его создаёт кнопка «Новый токен»), чтобы сохранённые письма не выдавались любому, кто спросит.</translation>
    </message>
    <message>
        <source>Port %1: %2</source>
        <translation>Порт %1: %2</translation>
    </message>
    <message>
        <source>Serving at %1/api/v1/ and on port %2 of every address of this computer, to requests with the token.</source>
        <translation>Работает по адресу %1/api/v1/ и на порту %2 всех адресов этого компьютера, для запросов с токеном.</translation>
    </message>
    <message>
        <source>Serving at %1/api/v1/ (this computer only).</source>
        <translation>Работает по адресу %1/api/v1/ (только для этого компьютера).</translation>
    </message>
</context>
<context>
    <name>SandboxBehaviourPanel</name>
    <message>
        <source>Sandbox server and behaviours</source>
        <translation>Сервер песочницы и поведение</translation>
    </message>
    <message>
        <source>Sandbox server</source>
        <translation>Сервер песочницы</translation>
    </message>
    <message>
        <source>Sandbox address</source>
        <translation>Адрес песочницы</translation>
    </message>
    <message>
        <source>Sandbox user name</source>
        <translation>Логин песочницы</translation>
    </message>
    <message>
        <source>Sandbox password</source>
        <translation>Пароль песочницы</translation>
    </message>
    <message>
        <source>Sandbox TLS certificate</source>
        <translation>TLS-сертификат песочницы</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>STARTTLS:</source>
        <translation>STARTTLS:</translation>
    </message>
    <message>
        <source>Extensions advertised in EHLO</source>
        <translation>Расширения, объявляемые в EHLO</translation>
    </message>
    <message>
        <source>Extensions advertised</source>
        <translation>Объявляемые расширения</translation>
    </message>
    <message>
        <source>Advertise %1</source>
        <translation>Объявлять %1</translation>
    </message>
    <message>
        <source>Unchecked: not advertised, and its commands or parameters are refused.</source>
        <translation>Снятый флажок: не объявляется, а его команды и параметры отклоняются.</translation>
    </message>
    <message>
        <source>Behaviour for the next sessions</source>
        <translation>Поведение для следующих сеансов</translation>
    </message>
    <message>
        <source>Require AUTH before MAIL (530 5.7.0)</source>
        <translation>Требовать AUTH перед MAIL (530 5.7.0)</translation>
    </message>
    <message>
        <source>Require AUTH</source>
        <translation>Требовать AUTH</translation>
    </message>
    <message>
        <source>Require STARTTLS before AUTH and MAIL (530 5.7.0)</source>
        <translation>Требовать STARTTLS перед AUTH и MAIL (530 5.7.0)</translation>
    </message>
    <message>
        <source>Require STARTTLS</source>
        <translation>Требовать STARTTLS</translation>
    </message>
    <message>
        <source>regular expression, e.g. ^nobody@</source>
        <translation>регулярное выражение, например ^nobody@</translation>
    </message>
    <message>
        <source>Reject recipients matching</source>
        <translation>Отклонять получателей по шаблону</translation>
    </message>
    <message>
        <source>regular expression, e.g. @busy\.example$</source>
        <translation>регулярное выражение, например @busy\.example$</translation>
    </message>
    <message>
        <source>Defer recipients matching</source>
        <translation>Откладывать получателей по шаблону</translation>
    </message>
    <message>
        <source>451 4.3.0 local problem</source>
        <translation>451 4.3.0 локальная проблема</translation>
    </message>
    <message>
        <source>450 4.2.1 mailbox busy</source>
        <translation>450 4.2.1 ящик занят</translation>
    </message>
    <message>
        <source>Reply code for deferred recipients</source>
        <translation>Код ответа для отложенных получателей</translation>
    </message>
    <message>
        <source>Reject every message after its data (554 5.6.0)</source>
        <translation>Отклонять каждое письмо после данных (554 5.6.0)</translation>
    </message>
    <message>
        <source>Reject after data</source>
        <translation>Отклонять после данных</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Delay before every reply</source>
        <translation>Задержка перед каждым ответом</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>the final &quot;.&quot; of DATA</source>
        <translation>финальная «.» в DATA</translation>
    </message>
    <message>
        <source>Drop the connection when this arrives</source>
        <translation>Разрывать соединение, когда приходит это</translation>
    </message>
    <message>
        <source>Greet with 421 and close</source>
        <translation>Приветствовать кодом 421 и закрыть</translation>
    </message>
    <message>
        <source>Greet with 421</source>
        <translation>Приветствие 421</translation>
    </message>
    <message>
        <source>End the data at bare line endings too (SMTP smuggling)</source>
        <translation>Завершать DATA и по «голым» LF/CR (SMTP smuggling)</translation>
    </message>
    <message>
        <source>Also take &lt;LF&gt;.&lt;LF&gt;, &lt;CR&gt;.&lt;CR&gt;, &lt;LF&gt;.&lt;CR&gt;&lt;LF&gt; and the like as the end of the message, as servers open to SMTP smuggling did (CVE-2023-51764, -51765, -51766). Off, only &lt;CR&gt;&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt; ends it. Try it with the console&apos;s \n and \r escapes.</source>
        <translation>Считать концом письма также &lt;LF&gt;.&lt;LF&gt;, &lt;CR&gt;.&lt;CR&gt;, &lt;LF&gt;.&lt;CR&gt;&lt;LF&gt; и подобное, как делали серверы, уязвимые к SMTP smuggling (CVE-2023-51764, -51765, -51766). Если выключено, письмо заканчивает только &lt;CR&gt;&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;. Попробуйте с экранированием \n и \r в консоли.</translation>
    </message>
    <message>
        <source>End the data at bare line endings</source>
        <translation>Завершать DATA по «голым» LF/CR</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> КиБ</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
    <message>
        <source>SIZE limit</source>
        <translation>Ограничение SIZE</translation>
    </message>
    <message>
        <source>Reject recipients (550 5.1.1):</source>
        <translation>Отклонять получателей (550 5.1.1):</translation>
    </message>
    <message>
        <source>Defer recipients:</source>
        <translation>Откладывать получателей:</translation>
    </message>
    <message>
        <source>&amp;Delay every reply:</source>
        <translation>&amp;Задержка ответа:</translation>
    </message>
    <message>
        <source>Drop the connection on:</source>
        <translation>Разрывать соединение на:</translation>
    </message>
    <message>
        <source>SI&amp;ZE limit:</source>
        <translation>Ограничение SI&amp;ZE:</translation>
    </message>
    <message>
        <source>Behaviour problem</source>
        <translation>Ошибка в поведении</translation>
    </message>
    <message>
        <source>Changes apply to sessions that start after them.</source>
        <translation>Изменения действуют на сеансы, начатые после них.</translation>
    </message>
    <message>
        <source>Reset to sta&amp;ndard behaviour</source>
        <translation>Сбросить к &amp;стандартному поведению</translation>
    </message>
    <message>
        <source>Reset the behaviour</source>
        <translation>Сбросить поведение</translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation>не запущен: %1</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>не запущен</translation>
    </message>
    <message>
        <source>offered; certificate SHA-256 %1</source>
        <translation>предлагается; сертификат SHA-256 %1</translation>
    </message>
    <message>
        <source>not offered: %1</source>
        <translation>не предлагается: %1</translation>
    </message>
    <message>
        <source>not offered</source>
        <translation>не предлагается</translation>
    </message>
    <message>
        <source>One recipient more gets 452 4.5.3 &quot;Too many recipients&quot;. 100 is the least RFC 5321 allows a server; set it low to see how a client sends the rest.</source>
        <translation>Следующий получатель получает 452 4.5.3 «Too many recipients». 100 — наименьшее, что RFC 5321 допускает для сервера; задайте меньше, чтобы увидеть, как клиент отправляет остальных.</translation>
    </message>
    <message>
        <source>Recipients per message</source>
        <translation>Получателей в письме</translation>
    </message>
    <message>
        <source>Recipients per message:</source>
        <translation>Получателей в письме:</translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>Local sandbox</source>
        <translation>Локальная песочница</translation>
    </message>
    <message>
        <source>Sandbox &amp;inbox</source>
        <translation>&amp;Входящие песочницы</translation>
    </message>
    <message>
        <source>Sandbo&amp;x server</source>
        <translation>Сер&amp;вер песочницы</translation>
    </message>
</context>
<context>
    <name>SentPanel</name>
    <message>
        <source>&amp;Use as New</source>
        <translation>&amp;Использовать как новое</translation>
    </message>
    <message>
        <source>Send A&amp;gain</source>
        <translation>Отправить &amp;ещё раз</translation>
    </message>
    <message>
        <source>Show &amp;Attempt</source>
        <translation>Показать &amp;попытку</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Search sent messages (subject, recipient, account)</source>
        <translation>Поиск в отправленных (тема, получатель, учётная запись)</translation>
    </message>
    <message>
        <source>Search sent messages</source>
        <translation>Поиск в отправленных</translation>
    </message>
    <message>
        <source>Sent messages</source>
        <translation>Отправленные письма</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>The message as it was sent</source>
        <translation>Письмо в том виде, в каком оно было отправлено</translation>
    </message>
    <message>
        <source>Put this message in the form, to change it and send it</source>
        <translation>Поместить это письмо в форму, чтобы изменить и отправить его</translation>
    </message>
    <message>
        <source>Put this message in the form and send it again at once</source>
        <translation>Поместить это письмо в форму и сразу отправить его ещё раз</translation>
    </message>
    <message>
        <source>Show the SMTP dialogue of this send in the history</source>
        <translation>Показать SMTP-диалог этой отправки в истории</translation>
    </message>
    <message>
        <source>Some recipients refused: %1</source>
        <translation>Часть получателей отклонена: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n messages</source>
        <translation>
            <numerusform>%n письмо</numerusform>
            <numerusform>%n письма</numerusform>
            <numerusform>%n писем</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>No message sent yet.</source>
        <translation>Отправленных писем пока нет.</translation>
    </message>
    <message>
        <source>From %1 with the account &quot;%2&quot;; %3</source>
        <translation>От %1 через учётную запись «%2»; %3</translation>
    </message>
    <message>
        <source>No copy of the bytes was kept (the message was too large to record, or went straight to the recipients&apos; servers). Use as New still brings the form back.</source>
        <translation>Копия байтов не сохранена (письмо было слишком большим для записи или ушло прямо на серверы получателей). «Использовать как новое» всё равно вернёт форму.</translation>
    </message>
    <message>
        <source>[… %1 more bytes]</source>
        <translation>[… ещё %1 байтов]</translation>
    </message>
    <message>
        <source>Delete Sent Message</source>
        <translation>Удаление отправленного письма</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the Sent folder?</source>
        <translation>Удалить «%1» из папки «Отправленные»?</translation>
    </message>
</context>
<context>
    <name>ServerCheckDialog</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>Check Server: %1</source>
        <translation>Проверка сервера: %1</translation>
    </message>
    <message>
        <source>Checking %1: %2…</source>
        <translation>Проверка %1: %2…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Checking %1… The report appears here when the check ends.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Проверка %1… Отчёт появится здесь по окончании проверки.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Проверка %1…</translation>
    </message>
    <message>
        <source>✔ Checked %1: %2.</source>
        <translation>✔ %1 проверен: %2.</translation>
    </message>
    <message>
        <source>✘ The check of %1 stopped %2: %3</source>
        <translation>✘ Проверка %1 остановлена %2: %3</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Проверить &amp;ещё раз</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <source>Nothing to remark.</source>
        <translation>Замечаний нет.</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <source>No greeting received.</source>
        <translation>Приветствие не получено.</translation>
    </message>
    <message>
        <source>after %1 ms</source>
        <translation>через %1 мс</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Расширения</translation>
    </message>
    <message>
        <source>None learnt.</source>
        <translation>Не получены.</translation>
    </message>
    <message>
        <source>Before TLS</source>
        <translation>До TLS</translation>
    </message>
    <message>
        <source>After TLS</source>
        <translation>После TLS</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>TLS added: %1</source>
        <translation>Добавлено с TLS: %1</translation>
    </message>
    <message>
        <source>TLS removed: %1</source>
        <translation>Убрано с TLS: %1</translation>
    </message>
    <message>
        <source>AUTH before TLS: %1</source>
        <translation>AUTH до TLS: %1</translation>
    </message>
    <message>
        <source>AUTH after TLS: %1</source>
        <translation>AUTH после TLS: %1</translation>
    </message>
    <message>
        <source>Largest message (SIZE): %1</source>
        <translation>Наибольшее письмо (SIZE): %1</translation>
    </message>
    <message>
        <source>not announced</source>
        <translation>не объявлено</translation>
    </message>
    <message>
        <source>no fixed limit</source>
        <translation>без фиксированного ограничения</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Offered but not established.</source>
        <translation>Предложен, но не установлен.</translation>
    </message>
    <message>
        <source>Not used.</source>
        <translation>Не использовался.</translation>
    </message>
    <message numerus="yes">
        <source>%1, cipher %2 (%n bits)</source>
        <translation>
            <numerusform>%1, шифр %2 (%n бит)</numerusform>
            <numerusform>%1, шифр %2 (%n бита)</numerusform>
            <numerusform>%1, шифр %2 (%n бит)</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate verifies for %1.</source>
        <translation>Сертификат проходит проверку для %1.</translation>
    </message>
    <message>
        <source>The certificate does NOT verify for %1.</source>
        <translation>Сертификат НЕ проходит проверку для %1.</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Сертификат сервера</translation>
    </message>
    <message>
        <source>Chain certificate %1</source>
        <translation>Сертификат цепочки %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Субъект</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Издатель</translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation>%1 (самоподписанный)</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 бит</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Stopped %1: %2</source>
        <translation>Остановлено %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n проблема</numerusform>
            <numerusform>%n проблемы</numerusform>
            <numerusform>%n проблем</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n days left)</source>
        <translation>
            <numerusform>с %1 по %2 (остался %n день)</numerusform>
            <numerusform>с %1 по %2 (осталось %n дня)</numerusform>
            <numerusform>с %1 по %2 (осталось %n дней)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
</context>
<context>
    <name>SpellChecker</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No %1 dictionary is installed (looked in %2): spelling is off.</source>
        <translation>Словарь %1 не установлен (искали в %2): проверка орфографии отключена.</translation>
    </message>
    <message>
        <source>The %1 dictionary is in %2, which this system cannot read: spelling is off.</source>
        <translation>Словарь %1 записан в кодировке %2, которую эта система не читает: проверка орфографии отключена.</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>Ste&amp;p</source>
        <translation>По &amp;шагам</translation>
    </message>
    <message>
        <source>Keep Pipelining &amp;When Stepping</source>
        <translation>Конвейер в пошаговом ре&amp;жиме</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Stop (QUIT)</source>
        <translation>Стоп (QUIT)</translation>
    </message>
    <message>
        <source>Chan&amp;ge to:</source>
        <translation>Замени&amp;ть на:</translation>
    </message>
    <message>
        <source>Edit and Send</source>
        <translation>Изменить и отправить</translation>
    </message>
    <message>
        <source>I&amp;nsert:</source>
        <translation>В&amp;ставить:</translation>
    </message>
    <message>
        <source>Send First</source>
        <translation>Отправить раньше</translation>
    </message>
    <message>
        <source>Step through the send: before each command Postwire shows it, with what it does and why, and waits for you</source>
        <translation>Пошаговая отправка: перед каждой командой Postwire показывает её, объясняет, что она делает и зачем, и ждёт вас</translation>
    </message>
    <message>
        <source>In step mode, send pipelined groups as the server allows (each group is one step) instead of one command at a time</source>
        <translation>В пошаговом режиме отправлять конвейерные группы, как разрешает сервер (группа — один шаг), а не по одной команде</translation>
    </message>
    <message>
        <source>Step mode</source>
        <translation>Пошаговый режим</translation>
    </message>
    <message>
        <source>Say QUIT and end the session; a message already accepted stays accepted</source>
        <translation>Сказать QUIT и завершить сеанс; уже принятое письмо остаётся принятым</translation>
    </message>
    <message>
        <source>Which command of the pipelined group to replace</source>
        <translation>Какую команду конвейерной группы заменить</translation>
    </message>
    <message>
        <source>Change the command for an experiment (another EHLO name, a MAIL parameter, an address) and send it instead; another command goes first and this one waits again. Enter sends, Esc leaves the field</source>
        <translation>Изменить команду для эксперимента (другое имя в EHLO, параметр MAIL, адрес) и отправить её вместо запланированной; другая команда идёт первой, а эта снова ждёт. Enter отправляет, Esc выходит из поля</translation>
    </message>
    <message>
        <source>A command sent before the planned one, which then waits again: NOOP, RSET, VRFY, EXPN, HELP or any line; Enter sends</source>
        <translation>Команда, отправляемая перед запланированной, которая затем снова ждёт: NOOP, RSET, VRFY, EXPN, HELP или любая строка; Enter отправляет</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>AUTH lines carry credentials: they cannot be edited</source>
        <translation>Строки AUTH несут учётные данные: их нельзя изменить</translation>
    </message>
    <message>
        <source>the message content is sent as it is</source>
        <translation>содержимое письма отправляется как есть</translation>
    </message>
    <message>
        <source>inside the message data a command would become part of the message</source>
        <translation>внутри данных письма команда стала бы частью письма</translation>
    </message>
    <message>
        <source>Next: the message content, %1</source>
        <translation>Далее: содержимое письма, %1</translation>
    </message>
    <message numerus="yes">
        <source>Next: one pipelined group of %n commands, sent together</source>
        <translation>
            <numerusform>Далее: конвейерная группа из %n команды, отправляемых вместе</numerusform>
            <numerusform>Далее: конвейерная группа из %n команд, отправляемых вместе</numerusform>
            <numerusform>Далее: конвейерная группа из %n команд, отправляемых вместе</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Далее: %1</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s reply…</source>
        <translation>Ждём ответа сервера…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Не отправлено: %1</translation>
    </message>
    <message>
        <source>Send what is shown, as planned (Space)</source>
        <translation>Отправить показанное, как запланировано (пробел)</translation>
    </message>
</context>
<context>
    <name>TranscriptDelegate</name>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 мс</translation>
    </message>
    <message>
        <source>  (secret hidden)</source>
        <translation>  (секрет скрыт)</translation>
    </message>
    <message>
        <source>%1.%2 s</source>
        <extracomment>Seconds since the connection began, with milliseconds: &quot;0.074 s&quot;</extracomment>
        <translation>%1,%2 с</translation>
    </message>
</context>
<context>
    <name>TranscriptHeader</name>
    <message>
        <source>Transcript columns</source>
        <translation>Столбцы журнала</translation>
    </message>
    <message>
        <source>Time since the connection started; how long the server took to answer; who spoke (C: Postwire, S: server, TLS: encryption, --: note, !!: error)</source>
        <translation>Время с начала соединения; сколько сервер думал над ответом; кто говорил (C: Postwire, S: сервер, TLS: шифрование, --: заметка, !!: ошибка)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Диалог</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Headers of the message, each with what it is for:</source>
        <translation>Заголовки письма, каждый — с назначением:</translation>
    </message>
    <message>
        <source>decoded (RFC 2047)</source>
        <translation>декодировано (RFC 2047)</translation>
    </message>
    <message>
        <source>MIME structure:</source>
        <translation>Структура MIME:</translation>
    </message>
    <message>
        <source>Send at %1</source>
        <translation>Отправка %1</translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> на %1</translation>
    </message>
    <message>
        <source> (account %1)</source>
        <translation> (учётная запись %1)</translation>
    </message>
    <message>
        <source>a line from the server</source>
        <translation>строка от сервера</translation>
    </message>
    <message>
        <source>sent by Postwire</source>
        <translation>отправлено Postwire</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>The message content, summarised (expand to see each header explained and the MIME structure)</source>
        <translation>Содержимое письма кратко (разверните, чтобы увидеть пояснение к каждому заголовку и структуру MIME)</translation>
    </message>
    <message>
        <source>The message content, summarised (expand to see all its headers)</source>
        <translation>Содержимое письма кратко (разверните, чтобы увидеть все заголовки)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Заметка: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>DNS: looking up where the recipient&apos;s domain takes its mail, and the answers with their preference and how long they may be cached (TTL)</source>
        <translation>DNS: ищем, куда домен получателя принимает почту; ответы с приоритетом и временем кэширования (TTL)</translation>
    </message>
    <message>
        <source>Postwire transcript</source>
        <translation>Журнал сеанса Postwire</translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation>+%1 мс</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Transcript pane</source>
        <translation>Панель журнала</translation>
    </message>
    <message>
        <source>SMTP transcript</source>
        <translation>Журнал сеанса SMTP</translation>
    </message>
    <message>
        <source>Each line of the dialogue with the server. Right or Enter expands a line with details, Left collapses it.</source>
        <translation>Каждая строка диалога с сервером. Стрелка вправо или Enter раскрывает строку с подробностями, влево — сворачивает.</translation>
    </message>
    <message>
        <source>When you send, the dialogue with the server appears here, line by line: what Postwire says (C:) and what the server answers (S:). Select a line to read what it means.</source>
        <translation>Когда вы отправляете письмо, здесь построчно появляется диалог с сервером: что говорит Postwire (C:) и что отвечает сервер (S:). Выберите строку, чтобы прочитать, что она значит.</translation>
    </message>
    <message>
        <source>Explanation of the selected line</source>
        <translation>Пояснение к выбранной строке</translation>
    </message>
    <message>
        <source>Select a line to see what it means.</source>
        <translation>Выберите строку, чтобы увидеть, что она значит.</translation>
    </message>
    <message>
        <source>Search transcript (Ctrl+F)</source>
        <translation>Поиск в журнале (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search transcript</source>
        <translation>Поиск в журнале</translation>
    </message>
    <message>
        <source>&amp;Find in Transcript</source>
        <translation>&amp;Найти в журнале</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Следующее совпадение (F3)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+F3)</translation>
    </message>
    <message>
        <source>&amp;Copy Lines</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Save Transcript As…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Save the transcript as text or HTML</source>
        <translation>Сохранить журнал как текст или HTML</translation>
    </message>
    <message>
        <source>C&amp;lear Transcript</source>
        <translation>О&amp;чистить</translation>
    </message>
    <message>
        <source>Remove every line of the transcript</source>
        <translation>Удалить все строки журнала</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Copy selected lines</source>
        <translation>Копировать выбранные строки</translation>
    </message>
    <message>
        <source>Save transcript</source>
        <translation>Сохранить журнал</translation>
    </message>
    <message>
        <source>Clear transcript</source>
        <translation>Очистить журнал</translation>
    </message>
    <message>
        <source>New lines below ↓</source>
        <translation>Новые строки ниже ↓</translation>
    </message>
    <message>
        <source>Go to the end of the transcript</source>
        <translation>Перейти в конец журнала</translation>
    </message>
    <message>
        <source>The server&apos;s extensions:</source>
        <translation>Расширения сервера:</translation>
    </message>
    <message>
        <source>Press Enter or double-click the line to expand or collapse it.</source>
        <translation>Нажмите Enter или дважды щёлкните строку, чтобы раскрыть или свернуть её.</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>не найдено</translation>
    </message>
    <message>
        <source>Cannot save the transcript to %1: %2</source>
        <translation>Не удалось сохранить журнал в %1: %2</translation>
    </message>
    <message>
        <source>Save Transcript</source>
        <translation>Сохранить журнал</translation>
    </message>
    <message>
        <source>Text (*.txt);;HTML (*.html)</source>
        <translation>Текст (*.txt);;HTML (*.html)</translation>
    </message>
</context>
<context>
    <name>WireLink</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Send, and the lines this field produces are highlighted in the transcript.</source>
        <translation>Отправьте письмо, и строки, порождённые этим полем, подсветятся в журнале.</translation>
    </message>
    <message>
        <source>No line of the last send came from it.</source>
        <translation>Ни одна строка последней отправки не пришла из этого поля.</translation>
    </message>
    <message numerus="yes">
        <source>%n lines of the last send came from it, highlighted above.</source>
        <translation>
            <numerusform>Из этого поля пришла %n строка последней отправки, она подсвечена выше.</numerusform>
            <numerusform>Из этого поля пришли %n строки последней отправки, они подсвечены выше.</numerusform>
            <numerusform>Из этого поля пришло %n строк последней отправки, они подсвечены выше.</numerusform>
        </translation>
    </message>
</context>
</TS>
