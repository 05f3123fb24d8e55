<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>Account</name>
    <message>
        <source>%1 is not a valid internationalised domain name</source>
        <translation>%1 — недопустимое интернационализированное доменное имя</translation>
    </message>
    <message>
        <source>%1 is longer than 253 characters</source>
        <translation>%1 длиннее 253 символов</translation>
    </message>
    <message>
        <source>%1 has an empty part between dots</source>
        <translation>в %1 между точками пустая часть</translation>
    </message>
    <message>
        <source>%1 has a part longer than 63 characters</source>
        <translation>в %1 есть часть длиннее 63 символов</translation>
    </message>
    <message>
        <source>%1 may only contain letters, digits, dots and hyphens inside its parts (&quot;%2&quot; is not allowed)</source>
        <translation>части %1 могут содержать только буквы, цифры, точки и дефисы («%2» недопустим)</translation>
    </message>
    <message>
        <source>Host: give the server&apos;s name, e.g. smtp.example.org</source>
        <translation>Сервер: укажите имя сервера, например smtp.example.org</translation>
    </message>
    <message>
        <source>Host: give the name alone, without &quot;%1&quot;</source>
        <translation>Сервер: укажите только имя, без «%1»</translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; contains a space</source>
        <translation>Сервер: «%1» содержит пробел</translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is an e-mail address; give the server&apos;s name</source>
        <translation>Сервер: «%1» — это адрес электронной почты; укажите имя сервера</translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; includes a port; put the port in the Port field</source>
        <translation>Сервер: «%1» содержит порт; укажите порт в поле «Порт»</translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is not a valid IPv6 address</source>
        <translation>Сервер: «%1» — недопустимый адрес IPv6</translation>
    </message>
    <message>
        <source>Host: &quot;%1&quot; is not a valid IPv4 address</source>
        <translation>Сервер: «%1» — недопустимый адрес IPv4</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Host: </source>
        <translation>Сервер: </translation>
    </message>
    <message>
        <source>EHLO name: &quot;%1&quot; must be one word, without spaces</source>
        <translation>Имя EHLO: «%1» должно быть одним словом, без пробелов</translation>
    </message>
    <message>
        <source>EHLO name: &quot;%1&quot; is not a valid address literal such as [192.0.2.1]</source>
        <translation>Имя EHLO: «%1» — недопустимый адресный литерал (пример: [192.0.2.1])</translation>
    </message>
    <message>
        <source>EHLO name: an address must be written in brackets, e.g. [%1]</source>
        <translation>Имя EHLO: адрес записывается в квадратных скобках, например [%1]</translation>
    </message>
    <message>
        <source>EHLO name: </source>
        <translation>Имя EHLO: </translation>
    </message>
    <message>
        <source>Name: give the account a name</source>
        <translation>Название: дайте учётной записи название</translation>
    </message>
    <message>
        <source>Address: </source>
        <translation>Адрес: </translation>
    </message>
    <message>
        <source>Address: give the address alone; the name goes in Display name</source>
        <translation>Адрес: укажите только адрес; имя вписывается в поле «Отображаемое имя»</translation>
    </message>
    <message>
        <source>Display name: must be a single line</source>
        <translation>Отображаемое имя: должно занимать одну строку</translation>
    </message>
    <message>
        <source>DNS server: &quot;%1&quot; is not an IP address (leave it empty for the system&apos;s resolver)</source>
        <translation>DNS-сервер: «%1» — не IP-адрес (оставьте поле пустым, чтобы использовать системный резолвер)</translation>
    </message>
    <message>
        <source>Authentication: a recipient&apos;s mail server takes mail without a login; turn it off for direct delivery</source>
        <translation>Аутентификация: почтовый сервер получателя принимает письма без входа; отключите её для прямой доставки</translation>
    </message>
    <message>
        <source>Port: %1 is outside 1-65535</source>
        <translation>Порт: %1 вне диапазона 1–65535</translation>
    </message>
    <message>
        <source>User name: needed to authenticate (or turn authentication off)</source>
        <translation>Имя пользователя: нужно для аутентификации (или отключите аутентификацию)</translation>
    </message>
    <message>
        <source>Authentication: Postwire does not implement %1 (it knows %2)</source>
        <translation>Аутентификация: Postwire не поддерживает %1 (поддерживаются: %2)</translation>
    </message>
    <message>
        <source>Timeouts: every timeout must be at least 1 second</source>
        <translation>Тайм-ауты: каждый тайм-аут должен быть не меньше 1 секунды</translation>
    </message>
    <message>
        <source>CA certificates: cannot read %1: %2</source>
        <translation>Сертификаты УЦ: не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>CA certificates: %1 holds no PEM certificate</source>
        <translation>Сертификаты УЦ: в %1 нет ни одного сертификата PEM</translation>
    </message>
    <message>
        <source>Trusted certificates: &quot;%1&quot; is not a SHA-256 fingerprint (64 hex digits)</source>
        <translation>Доверенные сертификаты: «%1» — не отпечаток SHA-256 (64 шестнадцатеричные цифры)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Защита</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Аутентификация</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>EHLO name</source>
        <translation>Имя EHLO</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Тайм-ауты</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>Сертификаты УЦ</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Доверенные сертификаты</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS-сервер</translation>
    </message>
    <message>
        <source>Direct to the recipient&apos;s server (MX)</source>
        <translation>Напрямую на сервер получателя (MX)</translation>
    </message>
    <message>
        <source>Through a submission server</source>
        <translation>Через сервер отправки</translation>
    </message>
    <message>
        <source>the recipients&apos; mail servers (MX)</source>
        <translation>почтовые серверы получателей (MX)</translation>
    </message>
    <message>
        <source>Other From addresses: %1: %2</source>
        <translation>Другие адреса отправителя: %1: %2</translation>
    </message>
    <message>
        <source>Other From addresses</source>
        <translation>Другие адреса отправителя</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 бит</translation>
    </message>
    <message>
        <source>EC %1 bits</source>
        <translation>EC %1 бит</translation>
    </message>
    <message>
        <source>DSA %1 bits</source>
        <translation>DSA %1 бит</translation>
    </message>
    <message>
        <source>key of %1 bits</source>
        <translation>ключ %1 бит</translation>
    </message>
    <message>
        <source>%1, %2, valid until %3</source>
        <translation>%1, %2, действителен до %3</translation>
    </message>
</context>
<context>
    <name>AccountPreset</name>
    <message>
        <source>Sign in with Google: choose XOAUTH2 under Authentication and give the client ID of your Google Cloud OAuth client (Desktop app); or PLAIN with an app password.</source>
        <translation>Вход через Google: выберите XOAUTH2 в разделе «Аутентификация» и укажите идентификатор клиента OAuth из Google Cloud (тип «Desktop app»); или PLAIN с паролем приложения.</translation>
    </message>
    <message>
        <source>Sign in with Microsoft (OAuth 2): give the client ID of your Microsoft Entra app registration, then Sign In; use the full address as the user name.</source>
        <translation>Вход через Microsoft (OAuth 2): укажите идентификатор клиента из регистрации приложения в Microsoft Entra и нажмите «Войти»; имя пользователя — полный адрес.</translation>
    </message>
    <message>
        <source>Sign in with an app password (or an OAuth token for XOAUTH2); the provider refuses the account&apos;s normal password here.</source>
        <translation>Входите с паролем приложения (или с токеном OAuth для XOAUTH2): обычный пароль учётной записи провайдер здесь не принимает.</translation>
    </message>
    <message>
        <source>Gmail (STARTTLS, port 587)</source>
        <translation>Gmail (STARTTLS, порт 587)</translation>
    </message>
    <message>
        <source>Gmail (TLS, port 465)</source>
        <translation>Gmail (TLS, порт 465)</translation>
    </message>
    <message>
        <source>Microsoft 365 (STARTTLS, port 587)</source>
        <translation>Microsoft 365 (STARTTLS, порт 587)</translation>
    </message>
    <message>
        <source>Outlook.com (STARTTLS, port 587)</source>
        <translation>Outlook.com (STARTTLS, порт 587)</translation>
    </message>
    <message>
        <source>Use the full address as the user name.</source>
        <translation>В качестве имени пользователя укажите полный адрес.</translation>
    </message>
    <message>
        <source>Fastmail (TLS, port 465)</source>
        <translation>Fastmail (TLS, порт 465)</translation>
    </message>
    <message>
        <source>iCloud (STARTTLS, port 587)</source>
        <translation>iCloud (STARTTLS, порт 587)</translation>
    </message>
    <message>
        <source>Yahoo (TLS, port 465)</source>
        <translation>Yahoo (TLS, порт 465)</translation>
    </message>
    <message>
        <source>Local sandbox (127.0.0.1, port 2525)</source>
        <translation>Локальная песочница (127.0.0.1, порт 2525)</translation>
    </message>
    <message>
        <source>Postwire&apos;s built-in server: messages stay on this computer.</source>
        <translation>Встроенный сервер Postwire: письма остаются на этом компьютере.</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>My account</source>
        <translation>Моя учётная запись</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>это папка</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>не удаётся прочитать: %1</translation>
    </message>
    <message>
        <source>it is not a text file</source>
        <translation>это не текстовый файл</translation>
    </message>
    <message>
        <source>some lines are malformed</source>
        <translation>некоторые строки искажены</translation>
    </message>
    <message>
        <source>cannot read it</source>
        <translation>не удаётся прочитать</translation>
    </message>
    <message numerus="yes">
        <source>The settings file %1 is damaged (%2): starting with default settings; %n accounts could be read and are kept.</source>
        <translation>
            <numerusform>Файл настроек %1 повреждён (%2): используются настройки по умолчанию; прочитана и сохранена %n учётная запись.</numerusform>
            <numerusform>Файл настроек %1 повреждён (%2): используются настройки по умолчанию; прочитаны и сохранены %n учётные записи.</numerusform>
            <numerusform>Файл настроек %1 повреждён (%2): используются настройки по умолчанию; прочитано и сохранено %n учётных записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Two accounts were called &quot;%1&quot;: the second is now &quot;%2&quot;.</source>
        <translation>Две учётные записи назывались «%1»: вторая теперь называется «%2».</translation>
    </message>
    <message>
        <source>set to true</source>
        <translation>включено</translation>
    </message>
    <message>
        <source>set to false</source>
        <translation>выключено</translation>
    </message>
    <message>
        <source>Could not move the damaged settings file (%1) aside to %2; changes may not be saved.</source>
        <translation>Не удалось переместить повреждённый файл настроек (%1) в %2; изменения могут не сохраниться.</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>Повреждённый файл сохранён как %1.</translation>
    </message>
    <message>
        <source>Could not save the accounts to %1</source>
        <translation>Не удалось сохранить учётные записи в %1</translation>
    </message>
</context>
<context>
    <name>Attempt</name>
    <message>
        <source>Send</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверка соединения</translation>
    </message>
    <message>
        <source>Server check</source>
        <translation>Проверка сервера</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Консоль</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <source>Partly succeeded</source>
        <translation>Частично успешно</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Delivery unknown</source>
        <translation>Доставка не известна</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Не завершено</translation>
    </message>
    <message>
        <source>it has no id</source>
        <translation>у неё нет идентификатора</translation>
    </message>
    <message>
        <source>its kind &quot;%1&quot; is unknown</source>
        <translation>неизвестный вид «%1»</translation>
    </message>
    <message>
        <source>its outcome &quot;%1&quot; is unknown</source>
        <translation>неизвестный исход «%1»</translation>
    </message>
    <message>
        <source>its time is missing or not a time</source>
        <translation>время отсутствует или не является временем</translation>
    </message>
    <message>
        <source>it has no transcript</source>
        <translation>у неё нет протокола сеанса</translation>
    </message>
    <message>
        <source>a line of its transcript is not an object</source>
        <translation>строка протокола сеанса не является объектом</translation>
    </message>
</context>
<context>
    <name>AttemptDiff</name>
    <message>
        <source>Greeting</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <source>%1 (after TLS)</source>
        <translation>%1 (после TLS)</translation>
    </message>
    <message>
        <source>MAIL FROM &lt;%1&gt;</source>
        <translation>MAIL FROM &lt;%1&gt;</translation>
    </message>
    <message>
        <source>RCPT TO &lt;%1&gt;</source>
        <translation>RCPT TO &lt;%1&gt;</translation>
    </message>
    <message>
        <source>End of data (.)</source>
        <translation>Конец данных (.)</translation>
    </message>
    <message>
        <source>AUTH exchange</source>
        <translation>Обмен AUTH</translation>
    </message>
    <message>
        <source>BDAT (last chunk)</source>
        <translation>BDAT (последний фрагмент)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1  %2 %3 to %4: %5</source>
        <translation>%1  %2 %3 на %4: %5</translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation>(нет ответа)</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Legend: = same, ~ reply text differs, ! differs, - only in A, + only in B</source>
        <translation>Обозначения: = одинаково, ~ отличается текст ответа, ! отличается, - только в A, + только в B</translation>
    </message>
    <message>
        <source>    only in A: %1</source>
        <translation>    только в A: %1</translation>
    </message>
    <message>
        <source>    only in B: %1</source>
        <translation>    только в B: %1</translation>
    </message>
    <message>
        <source>    A sent: %1</source>
        <translation>    A отправила: %1</translation>
    </message>
    <message>
        <source>    B sent: %1</source>
        <translation>    B отправила: %1</translation>
    </message>
    <message>
        <source>    A: %1</source>
        <translation>    A: %1</translation>
    </message>
    <message>
        <source>    B: %1</source>
        <translation>    B: %1</translation>
    </message>
    <message>
        <source>    extensions added: %1</source>
        <translation>    добавлены расширения: %1</translation>
    </message>
    <message>
        <source>    extensions removed: %1</source>
        <translation>    удалены расширения: %1</translation>
    </message>
    <message>
        <source>    extensions changed: %1</source>
        <translation>    изменены расширения: %1</translation>
    </message>
    <message>
        <source>The same steps with the same replies.</source>
        <translation>Те же шаги с теми же ответами.</translation>
    </message>
</context>
<context>
    <name>AttemptExport</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Сервер: %1 (%2)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Учётная запись: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Исход: %1</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Пояснение</translation>
    </message>
</context>
<context>
    <name>AttemptRecorder</name>
    <message numerus="yes">
        <source>The check ran: %n findings.</source>
        <translation>
            <numerusform>Проверка выполнена: %n замечание.</numerusform>
            <numerusform>Проверка выполнена: %n замечания.</numerusform>
            <numerusform>Проверка выполнена: %n замечаний.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CarriedHeaders</name>
    <message>
        <source>high priority</source>
        <translation>высокий приоритет</translation>
    </message>
    <message>
        <source>low priority</source>
        <translation>низкий приоритет</translation>
    </message>
    <message>
        <source>1 more header</source>
        <translation>ещё 1 заголовок</translation>
    </message>
    <message>
        <source>%1 more headers</source>
        <translation>ещё заголовков: %1</translation>
    </message>
</context>
<context>
    <name>CliText</name>
    <message>
        <source>--password-env: the environment variable %1 is not set</source>
        <translation>--password-env: переменная окружения %1 не задана</translation>
    </message>
    <message>
        <source>--password-file: cannot read %1: %2</source>
        <translation>--password-file: не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1: no host name in &quot;%2&quot;</source>
        <translation>%1: в «%2» нет имени узла</translation>
    </message>
    <message>
        <source>%1: the port must be a number from 1 to 65535</source>
        <translation>%1: порт должен быть числом от 1 до 65535</translation>
    </message>
    <message>
        <source>--timeout: give a number of seconds between 0 and 86400</source>
        <translation>--timeout: укажите число секунд от 0 до 86400</translation>
    </message>
    <message>
        <source>--ca-file: no PEM certificate could be read from %1</source>
        <translation>--ca-file: из %1 не удалось прочитать ни одного сертификата PEM</translation>
    </message>
</context>
<context>
    <name>CommandOrigin</name>
    <message>
        <source>the protocol (Postwire&apos;s own step)</source>
        <translation>протокол (собственный шаг Postwire)</translation>
    </message>
    <message>
        <source>the account&apos;s EHLO name</source>
        <translation>имя EHLO учётной записи</translation>
    </message>
    <message>
        <source>the account&apos;s security setting</source>
        <translation>настройка защиты учётной записи</translation>
    </message>
    <message>
        <source>the account&apos;s authentication</source>
        <translation>аутентификация учётной записи</translation>
    </message>
    <message>
        <source>the From field (%1)</source>
        <translation>поле «От» (%1)</translation>
    </message>
    <message>
        <source>the Sender field (%1)</source>
        <translation>поле «Отправитель» (%1)</translation>
    </message>
    <message>
        <source>the envelope sender (%1)</source>
        <translation>отправитель в конверте (%1)</translation>
    </message>
    <message>
        <source>the To field (%1)</source>
        <translation>поле «Кому» (%1)</translation>
    </message>
    <message>
        <source>the Cc field (%1)</source>
        <translation>поле «Копия» (%1)</translation>
    </message>
    <message>
        <source>the Bcc field (%1), in the envelope only</source>
        <translation>поле «Скрытая копия» (%1), только в конверте</translation>
    </message>
    <message>
        <source>an envelope recipient (%1)</source>
        <translation>получатель в конверте (%1)</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>письмо</translation>
    </message>
    <message>
        <source>a line you typed</source>
        <translation>строка, которую вы ввели</translation>
    </message>
</context>
<context>
    <name>ConsoleLine</name>
    <message>
        <source>the line contains a line break; type \r or \n to send CR or LF</source>
        <translation>строка содержит перевод строки; наберите \r или 
, чтобы отправить CR или LF</translation>
    </message>
    <message>
        <source>a backslash ends the line (column %1): type \\ for a backslash, or \r, \n, \xHH for exact bytes</source>
        <translation>обратная косая черта в конце строки (столбец %1): наберите \\ для самой черты или \r, 
, \xHH для точных байтов</translation>
    </message>
    <message>
        <source>\x at column %1 needs two hexadecimal digits, as in \x00 or \x0a</source>
        <translation>\x в столбце %1 требует двух шестнадцатеричных цифр, например \x00 или \x0a</translation>
    </message>
    <message>
        <source>&quot;\%1&quot; at column %2 is not an escape: type \\ for a backslash, or \r, \n, \xHH for exact bytes</source>
        <translation>«\%1» в столбце %2 — не управляющая последовательность: наберите \\ для обратной косой черты или \r, 
, \xHH для точных байтов</translation>
    </message>
</context>
<context>
    <name>ConsoleSession</name>
    <message>
        <source>server: no host name given</source>
        <translation>сервер: не указано имя узла</translation>
    </message>
    <message>
        <source>server: port 0 is not a valid port</source>
        <translation>сервер: порт 0 недопустим</translation>
    </message>
    <message>
        <source>connecting to %1 port %2, security: %3</source>
        <translation>подключение к %1, порт %2, защита: %3</translation>
    </message>
    <message>
        <source>warning: certificate verification is off; anyone in between can read and change this session</source>
        <translation>внимание: проверка сертификата отключена; любой посредник может читать и изменять этот сеанс</translation>
    </message>
    <message>
        <source>connected to %1 port %2 from %3</source>
        <translation>подключено к %1, порт %2, с %3</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>приветствие</translation>
    </message>
    <message>
        <source>the server refused the session in its greeting: %1</source>
        <translation>сервер отказал в сеансе уже в приветствии: %1</translation>
    </message>
    <message>
        <source>the account&apos;s security is &quot;%1&quot;: Postwire introduces itself and starts TLS before you type</source>
        <translation>защита учётной записи — «%1»: Postwire представляется и включает TLS до того, как вы начнёте вводить</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS</source>
        <translation>сервер не предлагает STARTTLS</translation>
    </message>
    <message>
        <source>EHLO refused: %1</source>
        <translation>EHLO отклонён: %1</translation>
    </message>
    <message>
        <source>STARTTLS refused: %1</source>
        <translation>STARTTLS отклонён: %1</translation>
    </message>
    <message>
        <source>%1, and the account requires TLS; nothing else is sent</source>
        <translation>%1, а учётная запись требует TLS; больше ничего не отправляется</translation>
    </message>
    <message>
        <source>warning: %1; continuing UNENCRYPTED as &quot;STARTTLS if offered&quot; allows</source>
        <translation>внимание: %1; продолжаем БЕЗ ШИФРОВАНИЯ, как допускает режим «STARTTLS, если предложен»</translation>
    </message>
    <message>
        <source>starting TLS handshake</source>
        <translation>начинается рукопожатие TLS</translation>
    </message>
    <message>
        <source>TLS is on: the server has forgotten the EHLO and everything before it (RFC 3207 section 4.2); introduce yourself again with EHLO</source>
        <translation>TLS включён: сервер забыл EHLO и всё, что было до него (RFC 3207, раздел 4.2); представьтесь снова командой EHLO</translation>
    </message>
    <message>
        <source>TLS certificate problem: %1</source>
        <translation>проблема с сертификатом TLS: %1</translation>
    </message>
    <message>
        <source>certificate accepted: it is pinned for this account (SHA-256 %1)</source>
        <translation>сертификат принят: он закреплён для этой учётной записи (SHA-256 %1)</translation>
    </message>
    <message>
        <source>continuing despite these problems: verification is off</source>
        <translation>продолжаем, несмотря на эти проблемы: проверка отключена</translation>
    </message>
    <message>
        <source>certificate accepted by the user for this connection</source>
        <translation>сертификат принят пользователем для этого соединения</translation>
    </message>
    <message>
        <source>TLS certificate refused: %1</source>
        <translation>сертификат TLS отклонён: %1</translation>
    </message>
    <message>
        <source>not connected: nothing was sent</source>
        <translation>нет соединения: ничего не отправлено</translation>
    </message>
    <message>
        <source>wait for the server&apos;s greeting before typing</source>
        <translation>дождитесь приветствия сервера, прежде чем вводить</translation>
    </message>
    <message>
        <source>wait until TLS is set up</source>
        <translation>дождитесь установки TLS</translation>
    </message>
    <message>
        <source>wait until the AUTH exchange is over</source>
        <translation>дождитесь окончания обмена AUTH</translation>
    </message>
    <message>
        <source>QUIT was sent: the session is ending</source>
        <translation>QUIT отправлена: сеанс завершается</translation>
    </message>
    <message>
        <source>the line has %1 octets; the console sends at most %2 at a time</source>
        <translation>в строке %1 октетов; консоль отправляет не больше %2 за раз</translation>
    </message>
    <message>
        <source>this line has a bare CR or LF: SMTP allows line endings only as CRLF (RFC 5321 section 2.3.8). A server that takes &lt;LF&gt;.&lt;LF&gt; or the like as the end of the message data can be made to read what follows as new commands (SMTP smuggling, CVE-2023-51764, -51765, -51766); a strict server keeps it as content or refuses it</source>
        <translation>в этой строке одиночный CR или LF: SMTP допускает окончания строк только в виде CRLF (RFC 5321, раздел 2.3.8). Сервер, который принимает &lt;LF&gt;.&lt;LF&gt; или подобное за конец данных письма, можно заставить прочитать дальнейшее как новые команды (SMTP smuggling, CVE-2023-51764, -51765, -51766); строгий сервер оставит это в содержимом или отклонит</translation>
    </message>
    <message>
        <source>warning: a line of message text is at most %1 octets with its CRLF (RFC 5321 section 4.5.3.1.6); this one has %2, and servers may refuse it</source>
        <translation>внимание: строка текста письма — не больше %1 октетов вместе с CRLF (RFC 5321, раздел 4.5.3.1.6); в этой %2, и серверы могут её отклонить</translation>
    </message>
    <message>
        <source>this line starts with a dot: the server removes a line&apos;s first dot when another character follows (RFC 5321 section 4.5.2), so it arrives as &quot;%1&quot;. A mail program doubles the dot (&quot;dot-stuffing&quot;) so that the text survives and a lone &quot;.&quot; can end the message; the console sends exactly what you type</source>
        <translation>эта строка начинается с точки: сервер удаляет первую точку строки, если за ней следует другой символ (RFC 5321, раздел 4.5.2), поэтому она придёт как «%1». Почтовая программа удваивает точку («dot-stuffing»), чтобы текст дошёл целым, а одиночная «.» могла завершить письмо; консоль отправляет ровно то, что вы набрали</translation>
    </message>
    <message>
        <source>the line is empty: nothing was sent (type \r\n to send an empty line)</source>
        <translation>строка пуста: ничего не отправлено (наберите \r
, чтобы отправить пустую строку)</translation>
    </message>
    <message>
        <source>TLS is already on for this connection: STARTTLS was not sent</source>
        <translation>TLS в этом соединении уже включён: STARTTLS не отправлена</translation>
    </message>
    <message>
        <source>warning: a command line is at most %1 octets with its CRLF (RFC 5321 section 4.5.3.1.4); this one has %2, and servers may refuse it</source>
        <translation>внимание: командная строка — не больше %1 октетов вместе с CRLF (RFC 5321, раздел 4.5.3.1.4); в этой %2, и серверы могут её отклонить</translation>
    </message>
    <message>
        <source>the bytes after the end of the message data reach the server as commands; their replies are shown as replies to no line</source>
        <translation>байты после конца данных письма доходят до сервера как команды; их ответы показаны как ответы ни на какую строку</translation>
    </message>
    <message>
        <source>AUTH %1 typed alone runs the mechanism with the account&apos;s credentials, which needs the AUTH mechanisms of the server&apos;s EHLO reply first: type EHLO, or the whole AUTH line</source>
        <translation>AUTH %1, набранная отдельно, запускает механизм с учётными данными учётной записи, а для этого сначала нужны механизмы AUTH из ответа сервера на EHLO: наберите EHLO или всю строку AUTH</translation>
    </message>
    <message>
        <source>AUTH cancelled: no password was given</source>
        <translation>AUTH отменена: пароль не введён</translation>
    </message>
    <message>
        <source>the server sent what is not SMTP: %1</source>
        <translation>сервер прислал не SMTP: %1</translation>
    </message>
    <message>
        <source>the server is closing the connection</source>
        <translation>сервер закрывает соединение</translation>
    </message>
    <message>
        <source>a reply in the middle of the message data: the server took something sent before as the end of the data (a bare line ending?). A server that does this reads what follows as new commands: SMTP smuggling (CVE-2023-51764, -51765, -51766)</source>
        <translation>ответ посреди данных письма: сервер принял что-то отправленное ранее за конец данных (одиночное окончание строки?). Сервер, который так делает, читает дальнейшее как новые команды: SMTP smuggling (CVE-2023-51764, -51765, -51766)</translation>
    </message>
    <message>
        <source>a reply to no line: the server answered more than was sent to it, for example lines it read inside bytes sent earlier</source>
        <translation>ответ ни на какую строку: сервер ответил больше, чем ему отправили, например на строки, которые он нашёл внутри ранее отправленных байтов</translation>
    </message>
    <message>
        <source>this reply does not fit %1: a server following the protocol answers it differently</source>
        <translation>этот ответ не подходит к %1: сервер, следующий протоколу, отвечает на неё иначе</translation>
    </message>
    <message>
        <source>the session ended after QUIT: %1</source>
        <translation>сеанс завершён после QUIT: %1</translation>
    </message>
    <message>
        <source>from here every line is message content: headers, an empty line, the text; a line with only &quot;.&quot; ends it. Nothing is added or dot-stuffed</source>
        <translation>с этого места каждая строка — содержимое письма: заголовки, пустая строка, текст; строка из одной «.» его завершает. Ничего не добавляется и точки не удваиваются</translation>
    </message>
    <message>
        <source>the input ended inside the message data, before a line with only &quot;.&quot;: QUIT would be part of the message, so the connection was closed without it and the server discards the message</source>
        <translation>ввод закончился внутри данных письма, до строки из одной «.»: QUIT стала бы частью письма, поэтому соединение закрыто без неё, и сервер отбрасывает письмо</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>отменено пользователем</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: no connection within %3 s</source>
        <translation>не удаётся подключиться к %1, порт %2: нет соединения за %3 с</translation>
    </message>
    <message>
        <source>no greeting from the server within %1 s</source>
        <translation>нет приветствия от сервера за %1 с</translation>
    </message>
    <message>
        <source>the TLS handshake did not finish within %1 s</source>
        <translation>рукопожатие TLS не завершилось за %1 с</translation>
    </message>
    <message>
        <source>no reply to QUIT within %1 s; the connection was closed</source>
        <translation>нет ответа на QUIT за %1 с; соединение закрыто</translation>
    </message>
    <message>
        <source>no reply to %1 within %2 s</source>
        <translation>нет ответа на %1 за %2 с</translation>
    </message>
    <message>
        <source>no reply to %1 within %2 s; the console stops waiting for it</source>
        <translation>нет ответа на %1 за %2 с; консоль перестаёт его ждать</translation>
    </message>
    <message>
        <source>the server closed the connection after QUIT</source>
        <translation>сервер закрыл соединение после QUIT</translation>
    </message>
    <message>
        <source>the server closed the connection before it answered %1</source>
        <translation>сервер закрыл соединение, не ответив на %1</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>сервер закрыл соединение</translation>
    </message>
    <message>
        <source>, inside the message data</source>
        <translation>, внутри данных письма</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation>не удаётся подключиться к %1, порт %2: %3</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>ошибка TLS: %1</translation>
    </message>
    <message>
        <source>connection lost: %1</source>
        <translation>соединение потеряно: %1</translation>
    </message>
</context>
<context>
    <name>ConsoleText</name>
    <message>
        <source>The server, HOST[:PORT] or [IPv6]:PORT (port 25; 587 with --security starttls, 465 with tls).</source>
        <translation>Сервер: УЗЕЛ[:ПОРТ] или [IPv6]:ПОРТ (порт 25; 587 с --security starttls, 465 с tls).</translation>
    </message>
    <message>
        <source>none (default: TLS when you type STARTTLS), starttls (Postwire sends EHLO and STARTTLS first; required), starttls-optional, or tls (implicit).</source>
        <translation>none (по умолчанию: TLS, когда вы наберёте STARTTLS), starttls (Postwire сам отправляет EHLO и STARTTLS; обязательно), starttls-optional или tls (неявный).</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Также доверять сертификатам УЦ из этого файла PEM.</translation>
    </message>
    <message>
        <source>User name for &quot;AUTH &lt;MECH&gt;&quot; typed alone.</source>
        <translation>Имя пользователя для «AUTH &lt;МЕХАНИЗМ&gt;», набранной отдельно.</translation>
    </message>
    <message>
        <source>Read the password (or XOAUTH2 token) from this environment variable.</source>
        <translation>Прочитать пароль (или токен XOAUTH2) из этой переменной окружения.</translation>
    </message>
    <message>
        <source>Read the password (or XOAUTH2 token) from the first line of this file.</source>
        <translation>Прочитать пароль (или токен XOAUTH2) из первой строки этого файла.</translation>
    </message>
    <message>
        <source>The EHLO name Postwire gives with --security starttls.</source>
        <translation>Имя EHLO, которое Postwire называет при --security starttls.</translation>
    </message>
    <message>
        <source>Wait this many seconds for the connection, the greeting and each reply (default: RFC 5321&apos;s); a line left unanswered is reported and the next one is read.</source>
        <translation>Ждать столько секунд соединения, приветствия и каждого ответа (по умолчанию — по RFC 5321); строка без ответа отмечается, и читается следующая.</translation>
    </message>
    <message>
        <source>After each line and reply, say in plain words what it means.</source>
        <translation>После каждой строки и ответа объяснять простыми словами, что они значат.</translation>
    </message>
    <message>
        <source>Do not keep this session in the history (see postwire history).</source>
        <translation>Не сохранять этот сеанс в истории (см. postwire history).</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;; the dialogue is read from stdin</source>
        <translation>лишний аргумент «%1»; диалог читается со стандартного ввода</translation>
    </message>
    <message>
        <source>--user: a password was given, but no user name</source>
        <translation>--user: пароль указан, а имя пользователя — нет</translation>
    </message>
    <message>
        <source>!! input line %1 not sent: %2</source>
        <translation>!! строка ввода %1 не отправлена: %2</translation>
    </message>
    <message>
        <source>A raw SMTP session: prints the server&apos;s greeting, then sends each line read from stdin with CRLF and prints the reply before reading the next line. After DATA&apos;s 354, lines are message content until a line with only &quot;.&quot;; nothing is added or dot-stuffed. At the end of the input QUIT is sent, unless it was typed.
Escapes give exact bytes: \r, \n, \xHH and \\ (a line with \r or \n in it is sent without the added CRLF). STARTTLS really starts TLS; &quot;AUTH &lt;MECH&gt;&quot; alone runs the mechanism with --user and the password; a whole AUTH line is sent as typed. Secrets are masked in the output.
Output: C: client, S: server, TLS: encryption, -- notes, !! errors and warnings, each with the milliseconds since the connection started.</source>
        <translation>Сеанс SMTP вручную: выводит приветствие сервера, затем отправляет каждую строку, прочитанную со стандартного ввода, с CRLF и выводит ответ, прежде чем читать следующую. После ответа 354 на DATA строки — содержимое письма до строки из одной «.»; ничего не добавляется и точки не удваиваются. В конце ввода отправляется QUIT, если её не набрали.
Управляющие последовательности дают точные байты: \r, \n, \xHH и \\ (строка с \r или \n отправляется без добавленного CRLF). STARTTLS действительно включает TLS; «AUTH &lt;МЕХАНИЗМ&gt;» отдельно запускает механизм с --user и паролем; целая строка AUTH отправляется как набрана. Секреты в выводе скрыты.
Вывод: C: клиент, S: сервер, TLS: шифрование, -- заметки, !! ошибки и предупреждения, каждая строка — с миллисекундами от начала соединения.</translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate (debugging only; warned in the transcript).</source>
        <translation>Не проверять сертификат сервера (только для отладки; предупреждение появится в протоколе).</translation>
    </message>
    <message>
        <source>Allow AUTH over an unencrypted connection to a host that is not loopback.</source>
        <translation>Разрешить AUTH по незашифрованному соединению с узлом, который не является петлевым.</translation>
    </message>
    <message>
        <source>--server: missing; give the server, e.g. --server mail.example.org:25</source>
        <translation>--server: не указан; укажите сервер, например --server mail.example.org:25</translation>
    </message>
</context>
<context>
    <name>ContentPump</name>
    <message>
        <source>read error</source>
        <translation>ошибка чтения</translation>
    </message>
</context>
<context>
    <name>CrlfReader</name>
    <message>
        <source>the message source failed</source>
        <translation>ошибка источника письма</translation>
    </message>
</context>
<context>
    <name>DnsQuery</name>
    <message>
        <source>the system&apos;s resolver</source>
        <translation>системный резолвер</translation>
    </message>
    <message>
        <source>the DNS server %1</source>
        <translation>DNS-сервер %1</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>ответ получен</translation>
    </message>
    <message>
        <source>no such domain (NXDOMAIN)</source>
        <translation>такого домена нет (NXDOMAIN)</translation>
    </message>
    <message>
        <source>no answer (the name exists, with no record of this type)</source>
        <translation>ответа нет (имя существует, но записей этого типа у него нет)</translation>
    </message>
    <message>
        <source>server failure (SERVFAIL)</source>
        <translation>сбой сервера (SERVFAIL)</translation>
    </message>
    <message>
        <source>the DNS server refused to answer (REFUSED)</source>
        <translation>DNS-сервер отказался отвечать (REFUSED)</translation>
    </message>
    <message>
        <source>timeout (no reply)</source>
        <translation>тайм-аут (нет ответа)</translation>
    </message>
    <message>
        <source>the lookup failed</source>
        <translation>запрос не удался</translation>
    </message>
    <message>
        <source>%1 %2? (asking %3)</source>
        <translation>%1 %2? (спрашиваем %3)</translation>
    </message>
    <message>
        <source>%1 MX %2 %3 (TTL %4 s)</source>
        <translation>%1 MX %2 %3 (TTL %4 с)</translation>
    </message>
    <message>
        <source>%1 %2 %3 (TTL %4 s)</source>
        <translation>%1 %2 %3 (TTL %4 с)</translation>
    </message>
    <message>
        <source>%1 %2: timeout, no reply from %3 within %4 ms</source>
        <translation>%1 %2: тайм-аут, нет ответа от %3 за %4 мс</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
</context>
<context>
    <name>DomainDelivery</name>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>delivered, some recipients refused</source>
        <translation>доставлено, некоторые получатели отклонены</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>takes no mail (null MX)</source>
        <translation>не принимает почту (нулевая MX)</translation>
    </message>
    <message>
        <source>DNS lookup failed</source>
        <translation>ошибка DNS-запроса</translation>
    </message>
    <message>
        <source>no mail server could be reached</source>
        <translation>ни один почтовый сервер не доступен</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>delivery unknown</source>
        <translation>доставка не известна</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>Cannot create the drafts folder %1</source>
        <translation>Не удаётся создать папку черновиков %1</translation>
    </message>
    <message>
        <source>Cannot save the draft to %1: %2</source>
        <translation>Не удаётся сохранить черновик в %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the draft %1: %2</source>
        <translation>Не удаётся прочитать черновик %1: %2</translation>
    </message>
    <message>
        <source>The draft %1 is damaged (%2)%3</source>
        <translation>Черновик %1 повреждён (%2)%3</translation>
    </message>
    <message>
        <source>; it was kept as %1</source>
        <translation>; он сохранён как %1</translation>
    </message>
</context>
<context>
    <name>EmlParser</name>
    <message>
        <source>not a mail message: no From, To or Subject header found</source>
        <translation>это не почтовое сообщение: нет заголовков From, To или Subject</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the attachments: %1</source>
        <translation>не удаётся создать временную папку для вложений: %1</translation>
    </message>
    <message>
        <source>cannot write attachment %1 to %2: %3</source>
        <translation>не удаётся записать вложение %1 в %2: %3</translation>
    </message>
</context>
<context>
    <name>EmlWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>saving %1 was cancelled</source>
        <translation>сохранение %1 отменено</translation>
    </message>
</context>
<context>
    <name>Envelope</name>
    <message>
        <source>has a part before the @ longer than 64 bytes</source>
        <translation>часть до @ длиннее 64 байтов</translation>
    </message>
    <message>
        <source>has more than one @</source>
        <translation>больше одного @</translation>
    </message>
    <message>
        <source>has a dot at the start or end of the part before the @, or two dots in a row</source>
        <translation>точка в начале или в конце части до @ или две точки подряд</translation>
    </message>
    <message>
        <source>has &quot;%1&quot; in the part before the @</source>
        <translation>«%1» в части до @</translation>
    </message>
    <message>
        <source>has an invalid address literal (use [192.0.2.1] or [IPv6:2001:db8::1])</source>
        <translation>недопустимый адресный литерал (используйте [192.0.2.1] или [IPv6:2001:db8::1])</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>пусто</translation>
    </message>
    <message>
        <source>contains a line break</source>
        <translation>содержит перевод строки</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>содержит символ NUL</translation>
    </message>
    <message>
        <source>contains a space</source>
        <translation>содержит пробел</translation>
    </message>
    <message>
        <source>contains a control character</source>
        <translation>содержит управляющий символ</translation>
    </message>
    <message>
        <source>contains &lt; or &gt; (give the bare address, e.g. ana@example.org)</source>
        <translation>содержит &lt; или &gt; (укажите адрес без скобок, например ana@example.org)</translation>
    </message>
    <message>
        <source>has no @</source>
        <translation>нет @</translation>
    </message>
    <message>
        <source>has nothing before the @</source>
        <translation>ничего нет до @</translation>
    </message>
    <message>
        <source>has no domain after the @</source>
        <translation>нет домена после @</translation>
    </message>
    <message>
        <source>has an invalid domain</source>
        <translation>недопустимый домен</translation>
    </message>
    <message>
        <source>has a domain that is not a valid host name</source>
        <translation>домен — недопустимое имя узла</translation>
    </message>
    <message>
        <source>is longer than 254 characters</source>
        <translation>длиннее 254 символов</translation>
    </message>
    <message>
        <source>sender &lt;%1&gt; %2</source>
        <translation>отправитель &lt;%1&gt;: %2</translation>
    </message>
    <message>
        <source>no recipients: give at least one To, Cc or Bcc address</source>
        <translation>нет получателей: укажите хотя бы один адрес в «Кому», «Копия» или «Скрытая копия»</translation>
    </message>
    <message>
        <source>recipient &lt;%1&gt; %2</source>
        <translation>получатель &lt;%1&gt;: %2</translation>
    </message>
</context>
<context>
    <name>FileMessageSource</name>
    <message>
        <source>cannot read message file %1: %2</source>
        <translation>не удаётся прочитать файл письма %1: %2</translation>
    </message>
    <message>
        <source>cannot rewind message file %1: %2</source>
        <translation>не удаётся перемотать файл письма %1: %2</translation>
    </message>
</context>
<context>
    <name>HeaderExplain</name>
    <message>
        <source>when the message was written (RFC 5322); required, set once when it is sent</source>
        <translation>когда письмо написано (RFC 5322); обязательный, ставится один раз при отправке</translation>
    </message>
    <message>
        <source>the author, as the recipient&apos;s program shows it; not the envelope sender of MAIL FROM</source>
        <translation>автор, как его покажет программа получателя; не отправитель в конверте из MAIL FROM</translation>
    </message>
    <message>
        <source>who actually sent it on the author&apos;s behalf (a secretary, a list); becomes MAIL FROM</source>
        <translation>кто фактически отправил письмо от имени автора (секретарь, рассылка); становится MAIL FROM</translation>
    </message>
    <message>
        <source>where replies should go instead of From; only a header, never a command</source>
        <translation>куда отвечать вместо From; только заголовок, никогда не команда</translation>
    </message>
    <message>
        <source>the main recipients, as everyone sees them; each also gets a RCPT TO</source>
        <translation>основные получатели, видимые всем; каждому также отправляется RCPT TO</translation>
    </message>
    <message>
        <source>recipients of a copy, seen by everyone; each also gets a RCPT TO</source>
        <translation>получатели копии, видимые всем; каждому также отправляется RCPT TO</translation>
    </message>
    <message>
        <source>hidden recipients; a sent message should not carry this field, only their RCPT TO</source>
        <translation>скрытые получатели; в отправленном письме этого поля быть не должно, только их RCPT TO</translation>
    </message>
    <message>
        <source>the subject line</source>
        <translation>тема письма</translation>
    </message>
    <message>
        <source>a world-unique name of this message, made by the sender; replies and threads refer to it</source>
        <translation>уникальное в мире имя этого письма, созданное отправителем; на него ссылаются ответы и цепочки</translation>
    </message>
    <message>
        <source>the Message-ID of the message this one answers</source>
        <translation>Message-ID письма, на которое это отвечает</translation>
    </message>
    <message>
        <source>the Message-IDs of the thread so far, so programs can show it as one</source>
        <translation>Message-ID всех писем цепочки, чтобы программы показывали её целиком</translation>
    </message>
    <message>
        <source>says the message uses MIME (RFC 2045): parts, types and encodings; always 1.0</source>
        <translation>говорит, что письмо использует MIME (RFC 2045): части, типы и кодировки; всегда 1.0</translation>
    </message>
    <message>
        <source>how the body was made safe for the wire: 7bit, 8bit, quoted-printable or base64</source>
        <translation>как тело сделано безопасным для передачи: 7bit, 8bit, quoted-printable или base64</translation>
    </message>
    <message>
        <source>whether a part is shown inline or offered as an attachment, and its file name (RFC 2183)</source>
        <translation>показывается ли часть в тексте или предлагается как вложение, и имя её файла (RFC 2183)</translation>
    </message>
    <message>
        <source>a name for this part that HTML in the message can refer to (cid:)</source>
        <translation>имя этой части, на которое может ссылаться HTML письма (cid:)</translation>
    </message>
    <message>
        <source>a short description of the part</source>
        <translation>краткое описание части</translation>
    </message>
    <message>
        <source>the language of the content</source>
        <translation>язык содержимого</translation>
    </message>
    <message>
        <source>added on delivery: the envelope sender (MAIL FROM) the message came with</source>
        <translation>добавляется при доставке: отправитель из конверта (MAIL FROM), с которым пришло письмо</translation>
    </message>
    <message>
        <source>added by each server that handled the message, newest on top: its route</source>
        <translation>добавляется каждым сервером, через который прошло письмо, новые сверху: его маршрут</translation>
    </message>
    <message>
        <source>the program that wrote the message</source>
        <translation>программа, в которой написано письмо</translation>
    </message>
    <message>
        <source>the author&apos;s organisation</source>
        <translation>организация автора</translation>
    </message>
    <message>
        <source>how important the author says it is</source>
        <translation>насколько важным считает письмо автор</translation>
    </message>
    <message>
        <source>how urgent the author says it is</source>
        <translation>насколько срочным считает письмо автор</translation>
    </message>
    <message>
        <source>how urgent the author says it is (1 highest, 5 lowest)</source>
        <translation>насколько срочным считает письмо автор (1 — самое срочное, 5 — наименее)</translation>
    </message>
    <message>
        <source>asks for a read receipt to this address</source>
        <translation>просит уведомление о прочтении на этот адрес</translation>
    </message>
    <message>
        <source>the mailing list the message came through</source>
        <translation>список рассылки, через который пришло письмо</translation>
    </message>
    <message>
        <source>how to leave the mailing list (a link or an address)</source>
        <translation>как отписаться от рассылки (ссылка или адрес)</translation>
    </message>
    <message>
        <source>says one click on the unsubscribe link is enough</source>
        <translation>говорит, что для отписки достаточно одного щелчка по ссылке</translation>
    </message>
    <message>
        <source>written by a program, not a person: automatic replies must not answer it</source>
        <translation>написано программой, а не человеком: автоответчики не должны на него отвечать</translation>
    </message>
    <message>
        <source>keywords the author gave</source>
        <translation>ключевые слова, указанные автором</translation>
    </message>
    <message>
        <source>a comment of the author&apos;s</source>
        <translation>комментарий автора</translation>
    </message>
    <message>
        <source>a signature of the sending domain over the body and some headers (RFC 6376)</source>
        <translation>подпись домена-отправителя над телом и некоторыми заголовками (RFC 6376)</translation>
    </message>
    <message>
        <source>added on receipt: how the SPF, DKIM and DMARC checks came out</source>
        <translation>добавляется при получении: результаты проверок SPF, DKIM и DMARC</translation>
    </message>
    <message>
        <source>added when the message was sent on again (resent), as the field without Resent- was for the first sending</source>
        <translation>добавляется при повторной отправке письма (resent), как поле без Resent- при первой</translation>
    </message>
    <message>
        <source>a private field of some program or server, not part of any standard</source>
        <translation>частное поле какой-то программы или сервера, не входит ни в один стандарт</translation>
    </message>
    <message>
        <source>what the body is (text/plain, multipart/mixed, ...), with its charset or the boundary between parts; format=flowed (RFC 3676) says a line ending in a space is a soft break: the reader joins such lines into paragraphs and wraps them to its screen, and a line starting with &quot;&gt;&quot; is quoted</source>
        <translation>что представляет собой тело (text/plain, multipart/mixed, ...), с его кодировкой или границей между частями; format=flowed (RFC 3676) означает, что строка, оканчивающаяся пробелом, — мягкий перенос: программа читателя склеивает такие строки в абзацы и переносит их по ширине своего экрана, а строка, начинающаяся с «&gt;», — цитата</translation>
    </message>
</context>
<context>
    <name>HistoryStore</name>
    <message>
        <source>cannot create the history folder %1</source>
        <translation>не удаётся создать папку истории %1</translation>
    </message>
    <message>
        <source>the number of attempts kept must be from 1 to %1</source>
        <translation>число хранимых попыток должно быть от 1 до %1</translation>
    </message>
    <message>
        <source>cannot save the history&apos;s settings in %1: %2</source>
        <translation>не удаётся сохранить настройки истории в %1: %2</translation>
    </message>
    <message>
        <source>This attempt was not saved to the history: %1.</source>
        <translation>Эта попытка не сохранена в истории: %1.</translation>
    </message>
    <message>
        <source>This attempt was not saved to the history (%1): %2</source>
        <translation>Эта попытка не сохранена в истории (%1): %2</translation>
    </message>
    <message>
        <source>Cannot read the history entry %1: %2</source>
        <translation>Не удаётся прочитать запись истории %1: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>не объект JSON</translation>
    </message>
    <message>
        <source>The history entry %1 is damaged (%2) and was skipped.</source>
        <translation>Запись истории %1 повреждена (%2) и пропущена.</translation>
    </message>
    <message>
        <source>The history entry %1 is damaged (%2); it was moved to %3.</source>
        <translation>Запись истории %1 повреждена (%2); она перемещена в %3.</translation>
    </message>
    <message>
        <source>no attempt id given</source>
        <translation>не указан идентификатор попытки</translation>
    </message>
    <message>
        <source>no attempt &quot;%1&quot; in the history (postwire history list shows the ids)</source>
        <translation>в истории нет попытки «%1» (идентификаторы показывает postwire history list)</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; names %n attempts; give more of the id</source>
        <translation>
            <numerusform>«%1» подходит к %n попытке; укажите идентификатор подробнее</numerusform>
            <numerusform>«%1» подходит к %n попыткам; укажите идентификатор подробнее</numerusform>
            <numerusform>«%1» подходит к %n попыткам; укажите идентификатор подробнее</numerusform>
        </translation>
    </message>
    <message>
        <source>no attempt &quot;%1&quot; in the history</source>
        <translation>в истории нет попытки «%1»</translation>
    </message>
    <message>
        <source>cannot delete the history entry %1</source>
        <translation>не удаётся удалить запись истории %1</translation>
    </message>
    <message numerus="yes">
        <source>%n older attempts removed from the history, which keeps the last %1.</source>
        <translation>
            <numerusform>Из истории удалена %n старая попытка; история хранит последние %1.</numerusform>
            <numerusform>Из истории удалены %n старые попытки; история хранит последние %1.</numerusform>
            <numerusform>Из истории удалено %n старых попыток; история хранит последние %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message>
        <source>list: unexpected argument &quot;%1&quot;</source>
        <translation>list: лишний аргумент «%1»</translation>
    </message>
    <message>
        <source>The history is empty (%1).</source>
        <translation>История пуста (%1).</translation>
    </message>
    <message>
        <source>No attempt matches.</source>
        <translation>Ни одна попытка не подходит.</translation>
    </message>
    <message>
        <source>show: give one attempt id</source>
        <translation>show: укажите один идентификатор попытки</translation>
    </message>
    <message>
        <source>command: give one attempt id</source>
        <translation>command: укажите один идентификатор попытки</translation>
    </message>
    <message>
        <source>diff: give two attempt ids</source>
        <translation>diff: укажите два идентификатора попыток</translation>
    </message>
    <message>
        <source>delete: give the ids of the attempts to delete</source>
        <translation>delete: укажите идентификаторы удаляемых попыток</translation>
    </message>
    <message>
        <source>limit: give one number</source>
        <translation>limit: укажите одно число</translation>
    </message>
    <message>
        <source>The history keeps the last %1 attempts.</source>
        <translation>История хранит последние попытки: %1.</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot; (list, show, diff, command, delete, limit; see --help)</source>
        <translation>неизвестная команда «%1» (list, show, diff, command, delete, limit; см. --help)</translation>
    </message>
    <message>
        <source>Usage: postwire history COMMAND [options]
The attempts kept by the window and by postwire send, newest first.

Commands:
  list [--json] [--kind K] [--server S] [--account A] [--outcome O]
                       the attempts, one a line (with --json an array of objects)
  show ID [--format text|html|json] [--output FILE]
                       one attempt&apos;s transcript with every line explained, and the
                       postwire and swaks command lines that repeat it
  diff ID ID           two attempts side by side, step by step: what changed, where,
                       and how much slower or faster each step answered
  command ID [--swaks] the command line that repeats the attempt (the password is read
                       from $POSTWIRE_PASSWORD)
  delete ID...         delete attempts
  limit [N]            how many attempts are kept (default 1000); N changes it

ID is an attempt&apos;s id as listed, or the start of one that names only it.

Exit status:
   0  done
   1  the history could not be read or changed (the file is named)
   2  bad command line, or no such attempt

Every command also takes --lang CODE, the interface language (e.g. ru, en).
</source>
        <translation>Использование: postwire history КОМАНДА [параметры]
Попытки, сохранённые окном и postwire send, новые первыми.

Команды:
  list [--json] [--kind K] [--server S] [--account A] [--outcome O]
                       попытки, по одной в строке (с --json — массив объектов)
  show ID [--format text|html|json] [--output FILE]
                       протокол одной попытки с пояснением каждой строки и командные
                       строки postwire и swaks, которые её повторяют
  diff ID ID           две попытки рядом, шаг за шагом: что изменилось, где и насколько
                       медленнее или быстрее ответил каждый шаг
  command ID [--swaks] командная строка, повторяющая попытку (пароль читается
                       из $POSTWIRE_PASSWORD)
  delete ID...         удалить попытки
  limit [N]            сколько попыток хранится (по умолчанию 1000); N меняет это число

ID — идентификатор попытки из списка или его начало, если оно указывает только на неё.

Код завершения:
   0  готово
   1  историю не удалось прочитать или изменить (файл назван)
   2  неверная командная строка или нет такой попытки

Каждая команда также принимает --lang КОД — язык интерфейса (например, ru, en).
</translation>
    </message>
    <message>
        <source>
Repeat it with:
  %1
  %2
</source>
        <translation>
Повторить её можно так:
  %1
  %2
</translation>
    </message>
    <message>
        <source>--output: cannot write %1: %2</source>
        <translation>--output: не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>step %1</source>
        <translation>шаг %1</translation>
    </message>
    <message>
        <source>step %1 (&quot;%2&quot;)</source>
        <translation>шаг %1 («%2»)</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (known: %3)</source>
        <translation>%1: неизвестное поле «%2» (известны: %3)</translation>
    </message>
    <message>
        <source>%1: the field &quot;%2&quot; is missing</source>
        <translation>%1: нет поля «%2»</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a text</source>
        <translation>%1: «%2» должно быть текстом</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is empty</source>
        <translation>%1: «%2» пусто</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be a list of texts</source>
        <translation>%1: «%2» должно быть списком текстов</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid regular expression at offset %3: %4</source>
        <translation>%1: «%2» — недопустимое регулярное выражение в позиции %3: %4</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has &quot;%3&quot;; a reply code is three digits (&quot;250&quot;) or a class (&quot;2xx&quot;)</source>
        <translation>%1: в «%2» есть «%3»; код ответа — три цифры («250») или класс («2xx»)</translation>
    </message>
    <message>
        <source>%1: &quot;replies&quot; must map reply codes to texts</source>
        <translation>%1: «replies» должно сопоставлять кодам ответов тексты</translation>
    </message>
    <message>
        <source>%1: &quot;replies&quot; has &quot;%2&quot;; a key is a reply code (&quot;250&quot;), a class (&quot;5xx&quot;), &quot;closed&quot; or &quot;default&quot;</source>
        <translation>%1: в «replies» есть «%2»; ключ — код ответа («250»), класс («5xx»), «closed» или «default»</translation>
    </message>
    <message>
        <source>%1: &quot;replies&quot;: &quot;%2&quot; must be a text</source>
        <translation>%1: «replies»: «%2» должно быть текстом</translation>
    </message>
    <message>
        <source>%1: the sandbox behaviour cannot be used: %2</source>
        <translation>%1: поведение песочницы использовать нельзя: %2</translation>
    </message>
    <message>
        <source>%1: &quot;kind&quot; is &quot;%2&quot;; it must be connect, command or content</source>
        <translation>%1: «kind» равно «%2»; допустимы connect, command или content</translation>
    </message>
    <message>
        <source>%1: &quot;wait&quot; is &quot;%2&quot;; it must be reply, sent, none or close</source>
        <translation>%1: «wait» равно «%2»; допустимы reply, sent, none или close</translation>
    </message>
    <message>
        <source>%1: a connect step waits for the greeting (&quot;wait&quot;: &quot;reply&quot;)</source>
        <translation>%1: шаг подключения ждёт приветствия («wait»: «reply»)</translation>
    </message>
    <message>
        <source>%1: a connect step has nothing to type (no &quot;verb&quot; or &quot;text&quot;)</source>
        <translation>%1: в шаге подключения нечего набирать (нет «verb» или «text»)</translation>
    </message>
    <message>
        <source>%1: &quot;behaviour&quot; must be an object</source>
        <translation>%1: «behaviour» должно быть объектом</translation>
    </message>
    <message>
        <source>%1: only a connect step sets the sandbox&apos;s &quot;behaviour&quot;</source>
        <translation>%1: «behaviour» песочницы задаёт только шаг подключения</translation>
    </message>
    <message>
        <source>%1: the field &quot;example&quot; is missing</source>
        <translation>%1: нет поля «example»</translation>
    </message>
    <message>
        <source>%1: a command step has a &quot;verb&quot;, not a &quot;text&quot;</source>
        <translation>%1: у командного шага есть «verb», а не «text»</translation>
    </message>
    <message>
        <source>%1: &quot;advanceOn&quot; is missing: which replies end the step?</source>
        <translation>%1: нет «advanceOn»: какие ответы завершают шаг?</translation>
    </message>
    <message>
        <source>%1: a content step has a &quot;text&quot;, not a &quot;verb&quot;</source>
        <translation>%1: у шага содержимого есть «text», а не «verb»</translation>
    </message>
    <message>
        <source>%1: &quot;mistakes&quot; must be a list</source>
        <translation>%1: «mistakes» должно быть списком</translation>
    </message>
    <message>
        <source>%1, mistake %2</source>
        <translation>%1, ошибка %2</translation>
    </message>
    <message>
        <source>%1: must be an object with &quot;match&quot; and &quot;hint&quot;</source>
        <translation>%1: должно быть объектом с «match» и «hint»</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>недопустимый JSON в позиции %1: %2</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>файл должен содержать один объект JSON</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>урок</translation>
    </message>
    <message>
        <source>the lesson has no &quot;steps&quot; (a list of at least one step)</source>
        <translation>у урока нет «steps» (списка хотя бы из одного шага)</translation>
    </message>
    <message>
        <source>%1: must be an object</source>
        <translation>%1: должно быть объектом</translation>
    </message>
    <message>
        <source>%1: the id is used by an earlier step too</source>
        <translation>%1: этот идентификатор уже использован в одном из предыдущих шагов</translation>
    </message>
    <message>
        <source>the first step must connect (&quot;kind&quot;: &quot;connect&quot;)</source>
        <translation>первый шаг должен подключаться («kind»: «connect»)</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>Урок %1: %2</translation>
    </message>
</context>
<context>
    <name>LessonBook</name>
    <message>
        <source>Lesson %1: cannot be read: %2</source>
        <translation>Урок %1: не удаётся прочитать: %2</translation>
    </message>
    <message>
        <source>The lesson folder %1 does not exist</source>
        <translation>Папка уроков %1 не существует</translation>
    </message>
    <message>
        <source>The lesson folder %1 holds no lessons</source>
        <translation>В папке уроков %1 нет уроков</translation>
    </message>
</context>
<context>
    <name>LessonRunner</name>
    <message>
        <source>221: the server says goodbye and closes the connection.</source>
        <translation>221: сервер прощается и закрывает соединение.</translation>
    </message>
    <message>
        <source>235: the login worked; the server now knows who is sending.</source>
        <translation>235: вход выполнен; теперь сервер знает, кто отправляет письмо.</translation>
    </message>
    <message>
        <source>334: the server asks for the next part of the login, in base64.</source>
        <translation>334: сервер просит следующую часть входа в base64.</translation>
    </message>
    <message>
        <source>354: go ahead; every line from now on is message text, until a line that is only a dot.</source>
        <translation>354: продолжайте; с этого места каждая строка — текст письма, до строки из одной точки.</translation>
    </message>
    <message>
        <source>421: the server is closing the connection (shutting down, too many errors, or it simply will not talk now). Try again later.</source>
        <translation>421: сервер закрывает соединение (выключается, слишком много ошибок или просто не хочет сейчас разговаривать). Повторите позже.</translation>
    </message>
    <message>
        <source>500: the server did not understand the line: an unknown command or broken syntax.</source>
        <translation>500: сервер не понял строку: неизвестная команда или неправильный синтаксис.</translation>
    </message>
    <message>
        <source>501: the command is known, but what follows it is wrong (a missing address, angle brackets, a colon).</source>
        <translation>501: команда известна, но то, что следует за ней, неверно (нет адреса, угловых скобок, двоеточия).</translation>
    </message>
    <message>
        <source>502: the server does not offer this command.</source>
        <translation>502: сервер не предлагает эту команду.</translation>
    </message>
    <message>
        <source>503: bad sequence of commands. The command is fine, but not at this point of the dialogue (RCPT before MAIL, DATA before RCPT, a second MAIL without RSET).</source>
        <translation>503: неверная последовательность команд. Сама команда правильная, но не в этом месте диалога (RCPT до MAIL, DATA до RCPT, второй MAIL без RSET).</translation>
    </message>
    <message>
        <source>530: the server wants something first (TLS, or a login) before it takes mail.</source>
        <translation>530: прежде чем принять письмо, сервер чего-то требует (TLS или вход).</translation>
    </message>
    <message>
        <source>535: the login failed: wrong user name or password.</source>
        <translation>535: вход не удался: неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>554: the transaction failed; the server will not take this.</source>
        <translation>554: транзакция не удалась; сервер этого не примет.</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
    <message>
        <source>No lesson step is waiting for a line.</source>
        <translation>Ни один шаг урока не ждёт строки.</translation>
    </message>
    <message>
        <source>Wait for the server&apos;s greeting first: in SMTP the client speaks only after the server has said hello with a 220 reply.</source>
        <translation>Сначала дождитесь приветствия сервера: в SMTP клиент говорит только после того, как сервер поздоровается ответом 220.</translation>
    </message>
    <message>
        <source>Your answer to the server&apos;s question (its 334 reply).</source>
        <translation>Ваш ответ на вопрос сервера (его ответ 334).</translation>
    </message>
    <message>
        <source>The server has not answered your last line yet. A client waits for each reply before it sends the next command, unless the server offered PIPELINING.</source>
        <translation>Сервер ещё не ответил на вашу последнюю строку. Клиент ждёт каждого ответа, прежде чем отправить следующую команду, если только сервер не предложил PIPELINING.</translation>
    </message>
    <message>
        <source>Wait for the reply, or send the line anyway to see what the server does with a line that arrives early.</source>
        <translation>Дождитесь ответа или всё равно отправьте строку, чтобы увидеть, что сервер сделает со строкой, пришедшей раньше времени.</translation>
    </message>
    <message>
        <source>Type for example: %1</source>
        <translation>Наберите, например: %1</translation>
    </message>
    <message>
        <source>The line is empty; this step asks for a line of its own.</source>
        <translation>Строка пуста; этот шаг ждёт собственной строки.</translation>
    </message>
    <message>
        <source>This step asks for %1, and your line starts with &quot;%2&quot;.</source>
        <translation>Этот шаг ждёт %1, а ваша строка начинается с «%2».</translation>
    </message>
    <message>
        <source>%1 is right, but what follows it is not what this step asks for.</source>
        <translation>%1 — верно, но дальше не то, что ждёт этот шаг.</translation>
    </message>
    <message>
        <source>This is not the text this step asks for.</source>
        <translation>Это не тот текст, которого ждёт этот шаг.</translation>
    </message>
    <message>
        <source>Sent before the last reply came. The server reads it when it is ready; its reply follows the one it still owes.</source>
        <translation>Отправлено до прихода последнего ответа. Сервер прочитает строку, когда будет готов; её ответ придёт после того, который он ещё должен.</translation>
    </message>
    <message>
        <source>Sent anyway. The next reply is the server&apos;s answer to it; this step then still waits for its own line.</source>
        <translation>Всё равно отправлено. Следующий ответ — это ответ сервера на неё; этот шаг по-прежнему ждёт своей строки.</translation>
    </message>
    <message>
        <source>Sent anyway, as message text: the server does not answer lines of text.</source>
        <translation>Всё равно отправлено как текст письма: на строки текста сервер не отвечает.</translation>
    </message>
    <message>
        <source>A 2xx reply: the server did what the line asked.</source>
        <translation>Ответ 2xx: сервер сделал то, о чём просила строка.</translation>
    </message>
    <message>
        <source>A 3xx reply: the server waits for more from you.</source>
        <translation>Ответ 3xx: сервер ждёт от вас продолжения.</translation>
    </message>
    <message>
        <source>A 4xx reply is a temporary failure: the same line may work later, so a mail server would try again.</source>
        <translation>Ответ 4xx — временная ошибка: та же строка может сработать позже, поэтому почтовый сервер повторил бы попытку.</translation>
    </message>
    <message>
        <source>A 5xx reply is a permanent refusal: the same line will not work again; something in it has to change.</source>
        <translation>Ответ 5xx — окончательный отказ: та же строка не сработает и впредь; в ней что-то нужно изменить.</translation>
    </message>
    <message>
        <source>The greeting was not the one this step waits for. Use Reconnect to try again.</source>
        <translation>Приветствие не то, которого ждёт этот шаг. Нажмите «Переподключиться», чтобы попробовать снова.</translation>
    </message>
    <message>
        <source>No line of yours was waiting for this reply.</source>
        <translation>Ни одна ваша строка не ждала этого ответа.</translation>
    </message>
    <message>
        <source>This step still waits for its own line: %1</source>
        <translation>Этот шаг всё ещё ждёт своей строки: %1</translation>
    </message>
    <message>
        <source>This step expected the server to close the connection instead. Type the line again to see it.</source>
        <translation>Этот шаг ожидал, что сервер закроет соединение. Наберите строку ещё раз, чтобы это увидеть.</translation>
    </message>
    <message>
        <source>That is not the reply this step leads to. Read what the server said, then type the line again, or another one.</source>
        <translation>Этот шаг ведёт не к такому ответу. Прочитайте, что сказал сервер, и наберите строку ещё раз или другую.</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>сервер закрыл соединение</translation>
    </message>
    <message>
        <source>The connection ended: %1.</source>
        <translation>Соединение завершено: %1.</translation>
    </message>
    <message>
        <source>The connection ended before the server&apos;s greeting: %1. Use Reconnect to try again.</source>
        <translation>Соединение завершилось до приветствия сервера: %1. Нажмите «Переподключиться», чтобы попробовать снова.</translation>
    </message>
    <message>
        <source>The connection ended: %1. An SMTP session cannot go on after that, so the lesson goes back to &quot;%2&quot; and connects again.</source>
        <translation>Соединение завершено: %1. После этого сеанс SMTP продолжать нельзя, поэтому урок возвращается к «%2» и подключается заново.</translation>
    </message>
    <message>
        <source>queued as (\S+)</source>
        <translation>queued as (\S+)</translation>
    </message>
</context>
<context>
    <name>MailSegment</name>
    <message>
        <source>its segment %1 cannot be read</source>
        <translation>его сегмент %1 не читается</translation>
    </message>
    <message>
        <source>its record at %1 in %2 is missing</source>
        <translation>его записи по смещению %1 в %2 нет</translation>
    </message>
    <message>
        <source>its record at %1 in %2 is damaged</source>
        <translation>его запись по смещению %1 в %2 повреждена</translation>
    </message>
    <message numerus="yes">
        <source>its record in %1 is cut off: %n bytes of it are missing</source>
        <translation>
            <numerusform>его запись в %1 обрезана: не хватает %n байта</numerusform>
            <numerusform>его запись в %1 обрезана: не хватает %n байтов</numerusform>
            <numerusform>его запись в %1 обрезана: не хватает %n байтов</numerusform>
        </translation>
    </message>
    <message>
        <source>its record in %1 does not match its checksum</source>
        <translation>его запись в %1 не сходится с контрольной суммой</translation>
    </message>
</context>
<context>
    <name>MailStore</name>
    <message>
        <source>Sandbox inbox: cannot create folder %1</source>
        <translation>Входящие песочницы: не удаётся создать папку %1</translation>
    </message>
    <message>
        <source>sandbox store writer</source>
        <translation>запись хранилища песочницы</translation>
    </message>
    <message>
        <source>Sandbox inbox: cannot write in %1: %2</source>
        <translation>Входящие песочницы: не удаётся записать в %1: %2</translation>
    </message>
    <message>
        <source>its message file (%1.eml) is missing</source>
        <translation>файл письма (%1.eml) отсутствует</translation>
    </message>
    <message numerus="yes">
        <source>its message file is %n bytes long, %1 were stored</source>
        <translation>
            <numerusform>файл письма занимает %n байт, а сохранено было %1</numerusform>
            <numerusform>файл письма занимает %n байта, а сохранено было %1</numerusform>
            <numerusform>файл письма занимает %n байтов, а сохранено было %1</numerusform>
        </translation>
    </message>
    <message>
        <source>its envelope record (%1.json) cannot be read</source>
        <translation>запись конверта (%1.json) не читается</translation>
    </message>
    <message>
        <source>Sandbox inbox: cannot write its index in %1: %2</source>
        <translation>Входящие песочницы: не удаётся записать индекс в %1: %2</translation>
    </message>
    <message>
        <source>Sandbox inbox: compacting %1 failed: %2</source>
        <translation>Входящие песочницы: не удалось уплотнить %1: %2</translation>
    </message>
    <message>
        <source>its envelope record cannot be read</source>
        <translation>запись с его конвертом не читается</translation>
    </message>
    <message>
        <source>its message record does not match its checksum</source>
        <translation>запись письма не сходится с контрольной суммой</translation>
    </message>
</context>
<context>
    <name>MailStoreWriter</name>
    <message>
        <source>Sandbox inbox: cannot write in %1: %2</source>
        <translation>Входящие песочницы: не удаётся записать в %1: %2</translation>
    </message>
    <message>
        <source>Sandbox inbox: cannot write the sidecar of %1: %2</source>
        <translation>Входящие песочницы: не удаётся записать сопроводительный файл %1: %2</translation>
    </message>
    <message>
        <source>Sandbox inbox: cannot open %1 to flush it</source>
        <translation>Входящие песочницы: не удаётся открыть %1, чтобы сбросить на диск</translation>
    </message>
    <message>
        <source>Sandbox inbox: flushing %1 to disk failed</source>
        <translation>Входящие песочницы: сбросить %1 на диск не удалось</translation>
    </message>
</context>
<context>
    <name>Mailbox</name>
    <message>
        <source>&quot;%1&quot;: a quoted name is missing its closing &quot;</source>
        <translation>«%1»: у имени в кавычках нет закрывающей &quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a ( is missing its closing )</source>
        <translation>«%1»: у ( нет закрывающей )</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the address is missing its closing &gt;</source>
        <translation>«%1»: у адреса нет закрывающей &gt;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: unexpected &quot;%2&quot; after the &gt;</source>
        <translation>«%1»: неожиданное «%2» после &gt;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write a name with its address as Name &lt;address&gt;</source>
        <translation>«%1»: имя с адресом записываются как Имя &lt;адрес&gt;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the name contains a control character (%2)</source>
        <translation>«%1»: имя содержит управляющий символ (%2)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; %2</source>
        <translation>«%1» %2</translation>
    </message>
    <message>
        <source>no address given</source>
        <translation>адрес не указан</translation>
    </message>
    <message>
        <source>give one address only (found %1)</source>
        <translation>укажите только один адрес (найдено: %1)</translation>
    </message>
</context>
<context>
    <name>MemoryCredentialStore</name>
    <message>
        <source>no password stored for this account</source>
        <translation>для этой учётной записи пароль не сохранён</translation>
    </message>
    <message>
        <source>memory, for this session only</source>
        <translation>в памяти, только на этот сеанс</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <source>contains a line break</source>
        <translation>содержит перевод строки</translation>
    </message>
    <message>
        <source>contains a control character (U+%1)</source>
        <translation>содержит управляющий символ (U+%1)</translation>
    </message>
    <message>
        <source>%1: the name &quot;%2&quot; contains a line break</source>
        <translation>%1: имя «%2» содержит перевод строки</translation>
    </message>
    <message>
        <source>%1: &lt;%2&gt; %3</source>
        <translation>%1: &lt;%2&gt; %3</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a message id (expected &lt;something@domain&gt;)</source>
        <translation>%1: «%2» — не идентификатор письма (ожидается &lt;что-то@домен&gt;)</translation>
    </message>
    <message>
        <source>the header name is empty</source>
        <translation>имя заголовка пусто</translation>
    </message>
    <message>
        <source>the header name is longer than 70 characters</source>
        <translation>имя заголовка длиннее 70 символов</translation>
    </message>
    <message>
        <source>the header name &quot;%1&quot; may only hold printable ASCII without spaces or &apos;:&apos;</source>
        <translation>имя заголовка «%1» может содержать только печатные символы ASCII без пробелов и «:»</translation>
    </message>
    <message>
        <source>%1 is written by Postwire itself (use its own field)</source>
        <translation>%1 пишет сам Postwire (используйте для него отдельное поле)</translation>
    </message>
    <message>
        <source>From: no address given</source>
        <translation>От: адрес не указан</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Ответить</translation>
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
        <source>To: no recipients: give at least one To, Cc or Bcc address</source>
        <translation>Кому: нет получателей: укажите хотя бы один адрес в «Кому», «Копия» или «Скрытая копия»</translation>
    </message>
    <message>
        <source>Subject: </source>
        <translation>Тема: </translation>
    </message>
    <message>
        <source>Header %1: %2</source>
        <translation>Заголовок %1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Attachment %1</source>
        <translation>Вложение %1</translation>
    </message>
    <message>
        <source>Attachment: no file given</source>
        <translation>Вложение: файл не указан</translation>
    </message>
    <message>
        <source>%1: the name %2</source>
        <translation>%1: имя %2</translation>
    </message>
    <message>
        <source>%1: file does not exist (%2)</source>
        <translation>%1: файл не существует (%2)</translation>
    </message>
    <message>
        <source>%1: %2 is not a file</source>
        <translation>%1: %2 — не файл</translation>
    </message>
    <message>
        <source>%1: %2 cannot be read (permission denied)</source>
        <translation>%1: %2 не удаётся прочитать (нет доступа)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a content type (e.g. application/pdf)</source>
        <translation>%1: «%2» — не тип содержимого (например, application/pdf)</translation>
    </message>
</context>
<context>
    <name>MessageStructure</name>
    <message>
        <source>%1 (%2 as %3)</source>
        <translation>%1 (%2 как %3)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>вложение</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>в тексте</translation>
    </message>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n часть</numerusform>
            <numerusform>%n части</numerusform>
            <numerusform>%n частей</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MimeParser</name>
    <message>
        <source>a %1 part has no boundary that occurs in it: shown as text</source>
        <translation>у части %1 нет границы, которая в ней встречается: показана как текст</translation>
    </message>
    <message>
        <source>a %1 part&apos;s boundary is missing or wrong: its parts were found by the lines between them</source>
        <translation>граница части %1 отсутствует или неверна: её части найдены по строкам между ними</translation>
    </message>
</context>
<context>
    <name>MxDelivery</name>
    <message>
        <source>no recipient: give at least one address</source>
        <translation>нет получателя: укажите хотя бы один адрес</translation>
    </message>
    <message>
        <source>cancelled while looking up the mail servers of %1</source>
        <translation>отменено во время поиска почтовых серверов %1</translation>
    </message>
    <message>
        <source>cancelled before it was tried</source>
        <translation>отменено до попытки</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>none of the mail servers of %1 could take the message: %2</source>
        <translation>ни один почтовый сервер %1 не смог принять письмо: %2</translation>
    </message>
    <message>
        <source>Many networks (home connections, cloud providers) block outgoing port 25: try from another network, or send through a submission server instead.</source>
        <translation>Многие сети (домашние подключения, облачные провайдеры) блокируют исходящий порт 25: попробуйте из другой сети или отправьте через сервер отправки.</translation>
    </message>
    <message>
        <source>trying %1 (%2), the domain&apos;s own address</source>
        <translation>пробуем %1 (%2), собственный адрес домена</translation>
    </message>
    <message>
        <source>trying %1 (%2), preference %3</source>
        <translation>пробуем %1 (%2), приоритет %3</translation>
    </message>
    <message>
        <source>the certificate of %1 was NOT verified (the problems are above): the session is encrypted, but nothing proves the other end is %1. This is opportunistic TLS (RFC 7435), usual between mail servers</source>
        <translation>сертификат %1 НЕ проверен (проблемы описаны выше): сеанс зашифрован, но ничто не доказывает, что на другом конце именно %1. Это оппортунистический TLS (RFC 7435), обычный между почтовыми серверами</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 could not take the message; trying the next address or mail server</source>
        <translation>%1 не смог принять письмо; пробуем следующий адрес или почтовый сервер</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>direct delivery to %1 for %n recipients (%2): looking up its mail servers (MX) at %3</source>
        <translation>
            <numerusform>прямая доставка в %1 для %n получателя (%2): ищем его почтовые серверы (MX) через %3</numerusform>
            <numerusform>прямая доставка в %1 для %n получателей (%2): ищем его почтовые серверы (MX) через %3</numerusform>
            <numerusform>прямая доставка в %1 для %n получателей (%2): ищем его почтовые серверы (MX) через %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MxResolver</name>
    <message>
        <source>%1 is not an address literal</source>
        <translation>%1 — не адресный литерал</translation>
    </message>
    <message>
        <source>%1 is an address literal: delivered to that address, no DNS lookup</source>
        <translation>%1 — адресный литерал: доставляем на этот адрес, без запроса DNS</translation>
    </message>
    <message>
        <source>%1 has no MX records: the domain&apos;s own address is its mail server (implicit MX, RFC 5321 section 5.1)</source>
        <translation>у %1 нет записей MX: почтовый сервер — собственный адрес домена (неявная MX, RFC 5321, раздел 5.1)</translation>
    </message>
    <message>
        <source>%1 has no MX records and no address (A or AAAA) at %2: it cannot receive mail</source>
        <translation>у %1 нет ни записей MX, ни адреса (A или AAAA) в %2: он не может получать почту</translation>
    </message>
    <message>
        <source>%1 has no MX records, and looking up its address at %2 failed: %3</source>
        <translation>у %1 нет записей MX, а поиск его адреса в %2 не удался: %3</translation>
    </message>
    <message>
        <source>looking up the mail servers (MX) of %1 at %2: %3</source>
        <translation>поиск почтовых серверов (MX) %1 в %2: %3</translation>
    </message>
    <message>
        <source>%1 takes no mail: its MX record is a null MX (&quot;0 .&quot;, RFC 7505); nothing was sent</source>
        <translation>%1 не принимает почту: его запись MX — нулевая MX («0 .», RFC 7505); ничего не отправлено</translation>
    </message>
    <message>
        <source>%1 has a null MX (&quot;0 .&quot;) beside other MX records; RFC 7505 says it must stand alone, so it is ignored and the other hosts are tried</source>
        <translation>у %1 нулевая MX («0 .») рядом с другими записями MX; по RFC 7505 она должна быть единственной, поэтому она пропускается и пробуются другие узлы</translation>
    </message>
    <message>
        <source>mail servers of %1 in the order they are tried (lowest preference first, equal preferences in random order): %2</source>
        <translation>почтовые серверы %1 в порядке попыток (сначала меньший приоритет, равные в случайном порядке): %2</translation>
    </message>
    <message>
        <source>no address for %1 at %2: %3</source>
        <translation>нет адреса для %1 в %2: %3</translation>
    </message>
</context>
<context>
    <name>OAuthSession</name>
    <message numerus="yes">
        <source>no sign-in came back from the browser within %n minutes</source>
        <translation>
            <numerusform>из браузера не пришли данные входа за %n минуту</numerusform>
            <numerusform>из браузера не пришли данные входа за %n минуты</numerusform>
            <numerusform>из браузера не пришли данные входа за %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the token endpoint %1 did not answer within %n seconds</source>
        <translation>
            <numerusform>конечная точка токенов %1 не ответила за %n секунду</numerusform>
            <numerusform>конечная точка токенов %1 не ответила за %n секунды</numerusform>
            <numerusform>конечная точка токенов %1 не ответила за %n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>The OAuth2 settings are incomplete</source>
        <translation>Настройки OAuth2 неполны</translation>
    </message>
    <message>
        <source>Sign-in needed</source>
        <translation>Нужен вход</translation>
    </message>
    <message>
        <source>Sign-in cancelled</source>
        <translation>Вход отменён</translation>
    </message>
    <message>
        <source>Sign-in timed out</source>
        <translation>Время ожидания входа истекло</translation>
    </message>
    <message>
        <source>The provider refused the sign-in</source>
        <translation>Провайдер отклонил вход</translation>
    </message>
    <message>
        <source>The provider refused the refresh token; sign in again</source>
        <translation>Провайдер отклонил токен обновления; войдите снова</translation>
    </message>
    <message>
        <source>The provider refused the token request</source>
        <translation>Провайдер отклонил запрос токена</translation>
    </message>
    <message>
        <source>The provider could not be reached</source>
        <translation>Не удалось связаться с провайдером</translation>
    </message>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>вход отменён</translation>
    </message>
    <message>
        <source>there is no refresh token: sign in with the provider first</source>
        <translation>нет токена обновления: сначала войдите через провайдера</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 for the browser&apos;s redirect</source>
        <translation>не удаётся принимать перенаправление из браузера на 127.0.0.1</translation>
    </message>
    <message>
        <source>Postwire has the sign-in. You can close this page and go back to Postwire.</source>
        <translation>Postwire получил данные входа. Эту страницу можно закрыть и вернуться в Postwire.</translation>
    </message>
    <message>
        <source>the sign-in was declined at the provider: %1</source>
        <translation>вход отклонён на стороне провайдера: %1</translation>
    </message>
    <message>
        <source>the provider answered the sign-in with an error: %1</source>
        <translation>провайдер ответил на вход ошибкой: %1</translation>
    </message>
    <message>
        <source>token endpoint %1: %2</source>
        <translation>конечная точка токенов %1: %2</translation>
    </message>
    <message>
        <source>the provider refused the refresh token (revoked or expired): %1; sign in again</source>
        <translation>провайдер отклонил токен обновления (он отозван или истёк): %1; войдите снова</translation>
    </message>
    <message>
        <source>token endpoint %1 refused the request: %2</source>
        <translation>конечная точка токенов %1 отклонила запрос: %2</translation>
    </message>
    <message>
        <source>token endpoint %1 sent no access token</source>
        <translation>конечная точка токенов %1 не прислала токен доступа</translation>
    </message>
</context>
<context>
    <name>OAuthSettings</name>
    <message>
        <source>%1: missing</source>
        <translation>%1: не указан</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a URL</source>
        <translation>%1: «%2» — не URL</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be https (codes and tokens cross it)</source>
        <translation>%1: «%2» должен быть https (через него передаются коды и токены)</translation>
    </message>
    <message>
        <source>OAuth2 client ID: missing; register Postwire with the provider and give the client ID it shows</source>
        <translation>Идентификатор клиента OAuth2: не указан; зарегистрируйте Postwire у провайдера и укажите выданный им идентификатор клиента</translation>
    </message>
    <message>
        <source>OAuth2 authorization URL</source>
        <translation>URL авторизации OAuth2</translation>
    </message>
    <message>
        <source>OAuth2 token URL</source>
        <translation>URL токенов OAuth2</translation>
    </message>
</context>
<context>
    <name>ProbeText</name>
    <message>
        <source>HOST[:PORT] or [IPv6]:PORT (port 25, or 465 with --security tls).</source>
        <translation>УЗЕЛ[:ПОРТ] или [IPv6]:ПОРТ (порт 25 или 465 с --security tls).</translation>
    </message>
    <message>
        <source>starttls-optional (default: STARTTLS when offered), starttls (required), none, or tls (implicit, port 465).</source>
        <translation>starttls-optional (по умолчанию: STARTTLS, если предложен), starttls (обязательно), none или tls (неявный, порт 465).</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Также доверять сертификатам УЦ из этого файла PEM.</translation>
    </message>
    <message>
        <source>The name to give in EHLO/HELO (default: this machine&apos;s name).</source>
        <translation>Имя, которое называть в EHLO/HELO (по умолчанию — имя этого компьютера).</translation>
    </message>
    <message>
        <source>Give up on any step after this many seconds (default: 30).</source>
        <translation>Сдаваться на любом шаге через столько секунд (по умолчанию 30).</translation>
    </message>
    <message>
        <source>Print one JSON document instead of the report.</source>
        <translation>Вывести один документ JSON вместо отчёта.</translation>
    </message>
    <message>
        <source>Check every mail server (MX) of this domain, in preference order, instead of HOST.</source>
        <translation>Проверить все почтовые серверы (MX) этого домена в порядке приоритета вместо УЗЛА.</translation>
    </message>
    <message>
        <source>With --mx: ask this resolver (an IP address) instead of the system&apos;s.</source>
        <translation>С --mx: спрашивать этот резолвер (IP-адрес) вместо системного.</translation>
    </message>
    <message>
        <source>With --mx: the port to check on each MX (default 25; for test setups).</source>
        <translation>С --mx: порт, проверяемый на каждом MX (по умолчанию 25; для тестовых стендов).</translation>
    </message>
    <message>
        <source>Do not keep the checks in the history (see postwire history).</source>
        <translation>Не сохранять проверки в истории (см. postwire history).</translation>
    </message>
    <message>
        <source>HOST: give a server or --mx DOMAIN, not both</source>
        <translation>УЗЕЛ: укажите сервер или --mx ДОМЕН, но не то и другое</translation>
    </message>
    <message>
        <source>HOST: missing; give the server to check, e.g. mail.example.org:587</source>
        <translation>УЗЕЛ: не указан; укажите проверяемый сервер, например mail.example.org:587</translation>
    </message>
    <message>
        <source>HOST: one server at a time; &quot;%1&quot; is one too many</source>
        <translation>УЗЕЛ: по одному серверу за раз; «%1» лишний</translation>
    </message>
    <message>
        <source>Looking up the MX of %1
</source>
        <translation>Ищем MX для %1
</translation>
    </message>
    <message>
        <source>Checking %1 port %2
</source>
        <translation>Проверяем %1, порт %2
</translation>
    </message>
    <message>
        <source>MX of %1: none; the domain itself takes its mail (RFC 5321 section 5.1)</source>
        <translation>MX для %1: нет; почту принимает сам домен (RFC 5321, раздел 5.1)</translation>
    </message>
    <message>
        <source>MX lookup of %1 failed: %2</source>
        <translation>поиск MX для %1 не удался: %2</translation>
    </message>
    <message>
        <source>MX of %1: %2</source>
        <translation>MX для %1: %2</translation>
    </message>
    <message>
        <source>--port: give a number from 1 to 65535</source>
        <translation>--port: укажите число от 1 до 65535</translation>
    </message>
    <message>
        <source>--%1: only with --mx (give HOST:PORT for one server)</source>
        <translation>--%1: только с --mx (для одного сервера укажите УЗЕЛ:ПОРТ)</translation>
    </message>
    <message>
        <source>, and it has no address either</source>
        <translation>, и адреса у него тоже нет</translation>
    </message>
    <message>
        <source>%1 takes no mail: its MX is the null MX &quot;0 .&quot; (RFC 7505)</source>
        <translation>%1 не принимает почту: его MX — нулевая MX «0 .» (RFC 7505)</translation>
    </message>
    <message>
        <source>Checks an SMTP server: connects, reads the greeting, EHLO, STARTTLS when offered, EHLO again, QUIT. Never sends MAIL or AUTH. Prints what the server offers before and after TLS, its certificate chain, the time of each step, and findings with the RFC behind each. A certificate that does not verify is reported, and inspected all the same.</source>
        <translation>Проверяет SMTP-сервер: подключается, читает приветствие, EHLO, STARTTLS, если предложен, снова EHLO, QUIT. Никогда не отправляет MAIL и AUTH. Выводит, что сервер предлагает до и после TLS, его цепочку сертификатов, время каждого шага и замечания со ссылкой на RFC для каждого. Сертификат, не прошедший проверку, отмечается и всё равно изучается.</translation>
    </message>
    <message>
        <source>none; the domain itself takes its mail (RFC 5321 section 5.1)</source>
        <translation>нет; почту принимает сам домен (RFC 5321, раздел 5.1)</translation>
    </message>
</context>
<context>
    <name>ReplyBuilder</name>
    <message>
        <source>---------- Forwarded message ----------</source>
        <translation>---------- Пересланное письмо ----------</translation>
    </message>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 пишет:</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>%1, %2 пишет:</translation>
    </message>
    <message>
        <source>message</source>
        <translation>письмо</translation>
    </message>
</context>
<context>
    <name>SandboxApi</name>
    <message>
        <source>the API listens on %1, which is not loopback: give it a token, so the stored messages are not served to anyone who asks</source>
        <translation>API слушает %1, а это не петлевой адрес: задайте ему токен, чтобы сохранённые письма не выдавались любому, кто спросит</translation>
    </message>
    <message>
        <source>the API cannot listen on %1 port %2</source>
        <translation>API не может слушать %1, порт %2</translation>
    </message>
    <message>
        <source>no such resource: %1</source>
        <translation>нет такого ресурса: %1</translation>
    </message>
    <message>
        <source>missing or wrong token: send &quot;Authorization: Bearer &lt;token&gt;&quot;</source>
        <translation>токен отсутствует или неверен: отправьте «Authorization: Bearer &lt;токен&gt;»</translation>
    </message>
    <message>
        <source>%1 does not take this method</source>
        <translation>%1 не поддерживает этот метод</translation>
    </message>
    <message>
        <source>no message with id %1</source>
        <translation>нет письма с идентификатором %1</translation>
    </message>
    <message numerus="yes">
        <source>message %1 has no attachment %2 (it has %n)</source>
        <translation>
            <numerusform>у письма %1 нет вложения %2 (у него %n вложение)</numerusform>
            <numerusform>у письма %1 нет вложения %2 (у него %n вложения)</numerusform>
            <numerusform>у письма %1 нет вложения %2 (у него %n вложений)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown parameter &quot;%1&quot; (known: %2)</source>
        <translation>неизвестный параметр «%1» (известны: %2)</translation>
    </message>
    <message>
        <source>timeout: give whole seconds from 0 to %1</source>
        <translation>timeout: укажите целое число секунд от 0 до %1</translation>
    </message>
    <message>
        <source>after: no message with id %1</source>
        <translation>after: нет письма с идентификатором %1</translation>
    </message>
    <message numerus="yes">
        <source>no matching message arrived within %n seconds</source>
        <translation>
            <numerusform>за %n секунду подходящее письмо не пришло</numerusform>
            <numerusform>за %n секунды подходящее письмо не пришло</numerusform>
            <numerusform>за %n секунд подходящее письмо не пришло</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SandboxBehaviour</name>
    <message>
        <source>Extensions: unknown keyword &quot;%1&quot; (known: %2)</source>
        <translation>Расширения: неизвестное ключевое слово «%1» (известны: %2)</translation>
    </message>
    <message>
        <source>Reject recipients</source>
        <translation>Отклонять получателей</translation>
    </message>
    <message>
        <source>Defer recipients</source>
        <translation>Откладывать получателей</translation>
    </message>
    <message>
        <source>Defer code: must be 450 or 451, not %1</source>
        <translation>Код отсрочки: должен быть 450 или 451, а не %1</translation>
    </message>
    <message>
        <source>Delay: must be between 0 and 600000 ms, not %1</source>
        <translation>Задержка: должна быть от 0 до 600000 мс, а не %1</translation>
    </message>
    <message>
        <source>Close after: unknown command &quot;%1&quot; (known: %2)</source>
        <translation>Закрыть после: неизвестная команда «%1» (известны: %2)</translation>
    </message>
    <message>
        <source>SIZE limit: must not be negative</source>
        <translation>Ограничение SIZE: не может быть отрицательным</translation>
    </message>
    <message>
        <source>Idle timeout: must be at least 1000 ms</source>
        <translation>Тайм-аут простоя: не меньше 1000 мс</translation>
    </message>
    <message>
        <source>Recipients per message: must be between 1 and %1, not %2</source>
        <translation>Получателей в письме: должно быть от 1 до %1, а не %2</translation>
    </message>
</context>
<context>
    <name>SandboxCertificate</name>
    <message>
        <source>TLS certificate %1: %2</source>
        <translation>Сертификат TLS %1: %2</translation>
    </message>
    <message>
        <source>TLS certificate %1: no PEM certificate found</source>
        <translation>Сертификат TLS %1: сертификат PEM не найден</translation>
    </message>
    <message>
        <source>TLS key %1: %2</source>
        <translation>Ключ TLS %1: %2</translation>
    </message>
    <message>
        <source>TLS key %1: not an unencrypted PEM private key</source>
        <translation>Ключ TLS %1: не незашифрованный закрытый ключ PEM</translation>
    </message>
    <message>
        <source>TLS certificate: cannot create folder %1</source>
        <translation>Сертификат TLS: не удаётся создать папку %1</translation>
    </message>
    <message>
        <source>TLS certificate: cannot run %1: %2</source>
        <translation>Сертификат TLS: не удаётся запустить %1: %2</translation>
    </message>
    <message>
        <source>TLS certificate: openssl failed (exit code %1): %2</source>
        <translation>Сертификат TLS: openssl завершился с ошибкой (код %1): %2</translation>
    </message>
    <message>
        <source>TLS certificate: openssl stopped: %1: %2</source>
        <translation>Сертификат TLS: openssl прерван: %1: %2</translation>
    </message>
    <message>
        <source>TLS certificate: cannot store the new files in %1: %2</source>
        <translation>Сертификат TLS: не удаётся сохранить новые файлы в %1: %2</translation>
    </message>
    <message>
        <source>openssl wrote no certificate</source>
        <translation>openssl не записал сертификат</translation>
    </message>
</context>
<context>
    <name>SandboxCredentials</name>
    <message>
        <source>Sandbox credentials: cannot create folder %1</source>
        <translation>Учётные данные песочницы: не удаётся создать папку %1</translation>
    </message>
    <message>
        <source>Sandbox credentials: cannot write %1: %2</source>
        <translation>Учётные данные песочницы: не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message numerus="yes">
        <source>the inbox is over its size cap of %1 bytes: removed the %n oldest messages (%2 bytes)</source>
        <translation>
            <numerusform>входящие превысили предел в %1 байтов: удалено %n самое старое письмо (%2 байтов)</numerusform>
            <numerusform>входящие превысили предел в %1 байтов: удалены %n самых старых письма (%2 байтов)</numerusform>
            <numerusform>входящие превысили предел в %1 байтов: удалено %n самых старых писем (%2 байтов)</numerusform>
        </translation>
    </message>
    <message>
        <source>STARTTLS is not offered: %1</source>
        <translation>STARTTLS не предлагается: %1</translation>
    </message>
    <message>
        <source>Sandbox: cannot listen on %1:%2: %3</source>
        <translation>Песочница: не удаётся слушать %1:%2: %3</translation>
    </message>
    <message>
        <source>Sandbox: cannot accept a connection: %1</source>
        <translation>Песочница: не удаётся принять соединение: %1</translation>
    </message>
</context>
<context>
    <name>SandboxSession</name>
    <message numerus="yes">
        <source>%n transcript lines left out here to bound its size</source>
        <translation>
            <numerusform>здесь пропущена %n строка протокола, чтобы ограничить его размер</numerusform>
            <numerusform>здесь пропущены %n строки протокола, чтобы ограничить его размер</numerusform>
            <numerusform>здесь пропущено %n строк протокола, чтобы ограничить его размер</numerusform>
        </translation>
    </message>
    <message>
        <source>connection error: %1</source>
        <translation>ошибка соединения: %1</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>рукопожатие TLS не удалось</translation>
    </message>
    <message>
        <source>connection from %1</source>
        <translation>соединение с %1</translation>
    </message>
    <message>
        <source>discarded %1 bytes the client sent after STARTTLS in plain text</source>
        <translation>отброшено %1 байтов, которые клиент отправил после STARTTLS открытым текстом</translation>
    </message>
    <message>
        <source>starting the TLS handshake</source>
        <translation>начинается рукопожатие TLS</translation>
    </message>
    <message>
        <source>TLS established: %1</source>
        <translation>TLS установлен: %1</translation>
    </message>
    <message>
        <source>the client disconnected in the middle of the message: nothing stored</source>
        <translation>клиент отключился посреди письма: ничего не сохранено</translation>
    </message>
    <message>
        <source>the client closed the connection</source>
        <translation>клиент закрыл соединение</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>соединение закрыто</translation>
    </message>
    <message>
        <source>dropping the connection on %1 (sandbox behaviour: close after a command)</source>
        <translation>соединение разрывается на %1 (поведение песочницы: закрыть после команды)</translation>
    </message>
    <message>
        <source>authenticated as %1 with %2</source>
        <translation>аутентифицирован как %1 с %2</translation>
    </message>
    <message>
        <source>reading a chunk of %1 bytes</source>
        <translation>читается фрагмент в %1 байтов</translation>
    </message>
    <message>
        <source>dropping the connection after the last chunk, before the reply (sandbox behaviour: close after DOT)</source>
        <translation>соединение разрывается после последнего фрагмента, до ответа (поведение песочницы: закрыть после точки)</translation>
    </message>
    <message>
        <source>dropping the connection on the final &quot;.&quot;, before the reply (sandbox behaviour: close after DOT)</source>
        <translation>соединение разрывается на завершающей «.», до ответа (поведение песочницы: закрыть после точки)</translation>
    </message>
    <message>
        <source>the data ended at &quot;%1&quot;: a strict server keeps this as content (sandbox behaviour: lenient end of data, as servers open to SMTP smuggling read it)</source>
        <translation>данные закончились на «%1»: строгий сервер оставил бы это в содержимом (поведение песочницы: нестрогий конец данных, как его читают серверы, уязвимые для SMTP smuggling)</translation>
    </message>
    <message>
        <source>message data: %1 bytes%2</source>
        <translation>данные письма: %1 байтов%2</translation>
    </message>
    <message>
        <source>Sandbox inbox: the message was not kept</source>
        <translation>Входящие песочницы: письмо не сохранено</translation>
    </message>
</context>
<context>
    <name>SandboxText</name>
    <message>
        <source>Runs Postwire&apos;s built-in SMTP server alone and prints its side of every session.
Behaviour options change how it answers, to see how a client copes.</source>
        <translation>Запускает только встроенный SMTP-сервер Postwire и выводит его сторону каждого сеанса.
Параметры поведения меняют его ответы, чтобы увидеть, как справляется клиент.</translation>
    </message>
    <message>
        <source>Port to listen on (0: any free port). Default 2525.</source>
        <translation>Порт для приёма соединений (0 — любой свободный). По умолчанию 2525.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Address to listen on. Default 127.0.0.1.</source>
        <translation>Адрес для приёма соединений. По умолчанию 127.0.0.1.</translation>
    </message>
    <message>
        <source>ADDR</source>
        <translation>АДРЕС</translation>
    </message>
    <message>
        <source>PEM certificate for STARTTLS (default: one generated for this installation).</source>
        <translation>Сертификат PEM для STARTTLS (по умолчанию — созданный для этой установки).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>PEM private key for --tls-cert.</source>
        <translation>Закрытый ключ PEM для --tls-cert.</translation>
    </message>
    <message>
        <source>Do not offer STARTTLS at all.</source>
        <translation>Вообще не предлагать STARTTLS.</translation>
    </message>
    <message>
        <source>AUTH user name (default: sandbox).</source>
        <translation>Имя пользователя AUTH (по умолчанию sandbox).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>ИМЯ</translation>
    </message>
    <message>
        <source>AUTH password (default: the one generated for this installation). Visible to other users of this computer (ps, /proc) while the server runs: prefer --password-file.</source>
        <translation>Пароль AUTH (по умолчанию — созданный для этой установки). Пока сервер работает, виден другим пользователям этого компьютера (ps, /proc): лучше --password-file.</translation>
    </message>
    <message>
        <source>SECRET</source>
        <translation>СЕКРЕТ</translation>
    </message>
    <message>
        <source>Read the AUTH password from the first line of FILE (keep it owner-only).</source>
        <translation>Прочитать пароль AUTH из первой строки ФАЙЛА (доступ — только владельцу).</translation>
    </message>
    <message>
        <source>Print the generated AUTH password at start (it is kept in the data folder).</source>
        <translation>Вывести созданный пароль AUTH при запуске (он хранится в папке данных).</translation>
    </message>
    <message>
        <source>Folder for credentials and the certificate.</source>
        <translation>Папка для учётных данных и сертификата.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ПАПКА</translation>
    </message>
    <message>
        <source>Folder the received messages are kept in.</source>
        <translation>Папка, в которой хранятся полученные письма.</translation>
    </message>
    <message>
        <source>Size cap of the store in bytes (k/M suffixes).</source>
        <translation>Предел размера хранилища в байтах (суффиксы k/M).</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>БАЙТЫ</translation>
    </message>
    <message>
        <source>Accept messages without keeping them.</source>
        <translation>Принимать письма, не сохраняя их.</translation>
    </message>
    <message>
        <source>Name the server gives itself. Default localhost.</source>
        <translation>Имя, которым называет себя сервер. По умолчанию localhost.</translation>
    </message>
    <message>
        <source>Print only session starts, messages and problems.</source>
        <translation>Выводить только начала сеансов, письма и проблемы.</translation>
    </message>
    <message>
        <source>Do not advertise (and refuse) an extension; repeatable or comma-separated: %1.</source>
        <translation>Не объявлять (и отклонять) расширение; можно повторять или перечислять через запятую: %1.</translation>
    </message>
    <message>
        <source>KEYWORD</source>
        <translation>КЛЮЧЕВОЕ_СЛОВО</translation>
    </message>
    <message>
        <source>Refuse MAIL until the client authenticated (530).</source>
        <translation>Отклонять MAIL, пока клиент не аутентифицирован (530).</translation>
    </message>
    <message>
        <source>Refuse AUTH and MAIL before STARTTLS (530).</source>
        <translation>Отклонять AUTH и MAIL до STARTTLS (530).</translation>
    </message>
    <message>
        <source>Refuse recipients matching REGEX with 550 5.1.1.</source>
        <translation>Отклонять получателей, подходящих под REGEX, с 550 5.1.1.</translation>
    </message>
    <message>
        <source>REGEX</source>
        <translation>REGEX</translation>
    </message>
    <message>
        <source>Defer recipients matching REGEX (see --defer-code).</source>
        <translation>Откладывать получателей, подходящих под REGEX (см. --defer-code).</translation>
    </message>
    <message>
        <source>450 or 451 for deferred recipients. Default 451.</source>
        <translation>450 или 451 для отложенных получателей. По умолчанию 451.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>КОД</translation>
    </message>
    <message>
        <source>Refuse every message after its data (554 5.6.0).</source>
        <translation>Отклонять каждое письмо после его данных (554 5.6.0).</translation>
    </message>
    <message>
        <source>End the message data also at &quot;.&quot; between bare line endings (&lt;LF&gt;.&lt;LF&gt;, &lt;CR&gt;.&lt;CR&gt;, &lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;, ...), as servers open to SMTP smuggling did (CVE-2023-51764, -51765, -51766). Default: only &lt;CR&gt;&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;.</source>
        <translation>Завершать данные письма также на «.» между одиночными окончаниями строк (&lt;LF&gt;.&lt;LF&gt;, &lt;CR&gt;.&lt;CR&gt;, &lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;, …), как делали серверы, уязвимые для SMTP smuggling (CVE-2023-51764, -51765, -51766). По умолчанию только &lt;CR&gt;&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;.</translation>
    </message>
    <message>
        <source>Wait MS before every reply.</source>
        <translation>Ждать MS перед каждым ответом.</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Drop the connection when this command arrives, before replying: %1.</source>
        <translation>Разрывать соединение при получении этой команды, до ответа: %1.</translation>
    </message>
    <message>
        <source>CMD</source>
        <translation>КОМАНДА</translation>
    </message>
    <message>
        <source>Greet with 421 and close.</source>
        <translation>Поздороваться кодом 421 и закрыть соединение.</translation>
    </message>
    <message>
        <source>SIZE limit in bytes (k/M suffixes; 0: none). Default 25M.</source>
        <translation>Ограничение SIZE в байтах (суффиксы k/M; 0 — без ограничения). По умолчанию 25M.</translation>
    </message>
    <message>
        <source>Close idle sessions after MS (421).</source>
        <translation>Закрывать простаивающие сеансы через MS (421).</translation>
    </message>
    <message>
        <source>Also serve the JSON API for test suites on this port (0: any free port); see the README. Off by default.</source>
        <translation>Также обслуживать JSON API для тестовых наборов на этом порту (0 — любой свободный); см. README. По умолчанию выключено.</translation>
    </message>
    <message>
        <source>Address the API listens on. Default 127.0.0.1; any other needs --api-token-file.</source>
        <translation>Адрес, который слушает API. По умолчанию 127.0.0.1; любой другой требует --api-token-file.</translation>
    </message>
    <message>
        <source>API requests must send &quot;Authorization: Bearer TOKEN&quot;, TOKEN being the first line of FILE.</source>
        <translation>Запросы к API должны отправлять «Authorization: Bearer ТОКЕН», где ТОКЕН — первая строка ФАЙЛА.</translation>
    </message>
    <message>
        <source>--port: not a port number: %1</source>
        <translation>--port: не номер порта: %1</translation>
    </message>
    <message>
        <source>--listen: not an IP address: %1</source>
        <translation>--listen: не IP-адрес: %1</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert и --tls-key указываются вместе</translation>
    </message>
    <message>
        <source>--password and --password-file: give one of them</source>
        <translation>--password и --password-file: укажите что-то одно</translation>
    </message>
    <message>
        <source>--password-file: cannot read %1: %2</source>
        <translation>--password-file: не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>--password-file: %1 has no password on its first line</source>
        <translation>--password-file: в первой строке %1 нет пароля</translation>
    </message>
    <message>
        <source>--delay: not a number of milliseconds: %1</source>
        <translation>--delay: не число миллисекунд: %1</translation>
    </message>
    <message>
        <source>--size-limit: not a size: %1</source>
        <translation>--size-limit: не размер: %1</translation>
    </message>
    <message>
        <source>--idle-timeout: not a number: %1</source>
        <translation>--idle-timeout: не число: %1</translation>
    </message>
    <message>
        <source>--store-cap: not a size: %1</source>
        <translation>--store-cap: не размер: %1</translation>
    </message>
    <message>
        <source>--api-port: not a port number: %1</source>
        <translation>--api-port: не номер порта: %1</translation>
    </message>
    <message>
        <source>--api-listen: not an IP address: %1</source>
        <translation>--api-listen: не IP-адрес: %1</translation>
    </message>
    <message>
        <source>--api-port: the API serves the stored messages; it cannot be used with --no-store</source>
        <translation>--api-port: API выдаёт сохранённые письма; его нельзя использовать с --no-store</translation>
    </message>
    <message>
        <source>--api-token-file: cannot read %1: %2</source>
        <translation>--api-token-file: не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>--api-token-file: the first line of %1 is empty</source>
        <translation>--api-token-file: первая строка %1 пуста</translation>
    </message>
    <message>
        <source>--api-port: %1</source>
        <translation>--api-port: %1</translation>
    </message>
    <message>
        <source>not shown (--quiet)</source>
        <translation>не показывается (--quiet)</translation>
    </message>
    <message>
        <source>the first line of %1</source>
        <translation>первая строка %1</translation>
    </message>
    <message>
        <source>generated, kept in %1 (--show-password prints it)</source>
        <translation>создан, хранится в %1 (--show-password выводит его)</translation>
    </message>
    <message>
        <source>AUTH user: %1  password: %2</source>
        <translation>Пользователь AUTH: %1  пароль: %2</translation>
    </message>
    <message>
        <source>STARTTLS certificate SHA-256: %1</source>
        <translation>SHA-256 сертификата STARTTLS: %1</translation>
    </message>
    <message>
        <source>storing messages in %1</source>
        <translation>письма сохраняются в %1</translation>
    </message>
    <message>
        <source>API on http://%1:%2/api/v1/messages</source>
        <translation>API на http://%1:%2/api/v1/messages</translation>
    </message>
    <message>
        <source>session from %1</source>
        <translation>сеанс с %1</translation>
    </message>
    <message>
        <source>message %1: %2 bytes from &lt;%3&gt; to %4</source>
        <translation>письмо %1: %2 байтов от &lt;%3&gt; для %4</translation>
    </message>
    <message>
        <source>cannot install the signal handlers</source>
        <translation>не удаётся установить обработчики сигналов</translation>
    </message>
    <message>
        <source>stopping (%1 sessions served)</source>
        <translation>остановка (обслужено сеансов: %1)</translation>
    </message>
    <message>
        <source>Recipients per message; one more gets 452 4.5.3. Default 100, the least RFC 5321 allows a server; at most %1.</source>
        <translation>Получателей в письме; следующий получает 452 4.5.3. По умолчанию 100 — наименьшее, что RFC 5321 допускает для сервера; не больше %1.</translation>
    </message>
    <message>
        <source>--max-recipients: not a number: %1</source>
        <translation>--max-recipients: не число: %1</translation>
    </message>
</context>
<context>
    <name>SaslBearerMechanism</name>
    <message>
        <source>%1: user name</source>
        <translation>%1: имя пользователя</translation>
    </message>
    <message>
        <source>%1: access token</source>
        <translation>%1: токен доступа</translation>
    </message>
    <message>
        <source>%1: user name contains a \x01 character</source>
        <translation>%1: имя пользователя содержит символ \x01</translation>
    </message>
    <message>
        <source>%1: access token contains a \x01 character</source>
        <translation>%1: токен доступа содержит символ \x01</translation>
    </message>
    <message>
        <source>%1: the server sent another challenge after its error: %2</source>
        <translation>%1: сервер прислал ещё один вызов после своей ошибки: %2</translation>
    </message>
    <message>
        <source>%1: the server refused the token: %2 (the answer %3 ends the exchange)</source>
        <translation>%1: сервер отклонил токен: %2 (обмен завершается ответом: %3)</translation>
    </message>
    <message>
        <source>an empty line</source>
        <translation>пустая строка</translation>
    </message>
    <message>
        <source>AQ== (%x01)</source>
        <translation>AQ== (%x01)</translation>
    </message>
    <message>
        <source>the token is invalid, expired or revoked: get a new one</source>
        <translation>токен недействителен, истёк или отозван: получите новый</translation>
    </message>
    <message>
        <source>the request was malformed</source>
        <translation>запрос искажён</translation>
    </message>
    <message>
        <source>the token lacks the scope needed for mail</source>
        <translation>у токена нет области доступа (scope), нужной для почты</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>статус %1</translation>
    </message>
    <message>
        <source>status %1 (%2)</source>
        <translation>статус %1 (%2)</translation>
    </message>
    <message>
        <source>scope needed: %1</source>
        <translation>нужная область доступа: %1</translation>
    </message>
    <message>
        <source>schemes: %1</source>
        <translation>схемы: %1</translation>
    </message>
    <message>
        <source>provider: %1</source>
        <translation>провайдер: %1</translation>
    </message>
    <message>
        <source>%1; server said %2</source>
        <translation>%1; ответ сервера: %2</translation>
    </message>
</context>
<context>
    <name>SaslMechanism</name>
    <message>
        <source>CRAM-MD5: the server sent a second challenge after the digest</source>
        <translation>CRAM-MD5: сервер прислал второй вызов после дайджеста</translation>
    </message>
    <message>
        <source>CRAM-MD5: user name</source>
        <translation>CRAM-MD5: имя пользователя</translation>
    </message>
    <message>
        <source>CRAM-MD5: password</source>
        <translation>CRAM-MD5: пароль</translation>
    </message>
    <message>
        <source>CRAM-MD5: the server&apos;s challenge is empty</source>
        <translation>CRAM-MD5: вызов сервера пуст</translation>
    </message>
    <message>
        <source>LOGIN: user name</source>
        <translation>LOGIN: имя пользователя</translation>
    </message>
    <message>
        <source>LOGIN: password</source>
        <translation>LOGIN: пароль</translation>
    </message>
    <message>
        <source>PLAIN: authorization identity</source>
        <translation>PLAIN: идентификатор авторизации</translation>
    </message>
    <message>
        <source>PLAIN: user name</source>
        <translation>PLAIN: имя пользователя</translation>
    </message>
    <message>
        <source>PLAIN: password</source>
        <translation>PLAIN: пароль</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the exchange has already started</source>
        <translation>SCRAM-SHA-256: обмен уже начат</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: authorization identity</source>
        <translation>SCRAM-SHA-256: идентификатор авторизации</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: user name</source>
        <translation>SCRAM-SHA-256: имя пользователя</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: password</source>
        <translation>SCRAM-SHA-256: пароль</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the client nonce is not printable</source>
        <translation>SCRAM-SHA-256: одноразовое число клиента содержит непечатные символы</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server sent a challenge after the exchange ended</source>
        <translation>SCRAM-SHA-256: сервер прислал вызов после окончания обмена</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server reported an error: %1</source>
        <translation>SCRAM-SHA-256: сервер сообщил об ошибке: %1</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: malformed server-first message &quot;%1&quot;</source>
        <translation>SCRAM-SHA-256: искажённое первое сообщение сервера «%1»</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server&apos;s salt is not valid base64</source>
        <translation>SCRAM-SHA-256: соль сервера — недопустимый base64</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: invalid iteration count &quot;%1&quot;</source>
        <translation>SCRAM-SHA-256: недопустимое число итераций «%1»</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server asks for %1 iterations, more than the limit of %2</source>
        <translation>SCRAM-SHA-256: сервер просит %1 итераций, больше предела в %2</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: PBKDF2 failed</source>
        <translation>SCRAM-SHA-256: ошибка PBKDF2</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: malformed server-final message &quot;%1&quot;</source>
        <translation>SCRAM-SHA-256: искажённое последнее сообщение сервера «%1»</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server&apos;s signature is malformed</source>
        <translation>SCRAM-SHA-256: подпись сервера искажена</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server&apos;s signature is wrong: it does not know the password, so it is not the server it claims to be</source>
        <translation>SCRAM-SHA-256: подпись сервера неверна: он не знает пароль, значит, это не тот сервер, за который он себя выдаёт</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server accepted before the exchange was complete, so it has not proved it knows the password</source>
        <translation>SCRAM-SHA-256: сервер принял вход до завершения обмена, поэтому не доказал, что знает пароль</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server accepted without its signature, so it has not proved it knows the password</source>
        <translation>SCRAM-SHA-256: сервер принял вход без своей подписи, поэтому не доказал, что знает пароль</translation>
    </message>
    <message>
        <source>CRAM-MD5: no message can be sent before the server&apos;s challenge (pass the first 334 to respond())</source>
        <translation>CRAM-MD5: до вызова сервера отправить ничего нельзя (передайте первый ответ 334 в respond())</translation>
    </message>
    <message>
        <source>LOGIN: the server sent a third challenge after the user name and password</source>
        <translation>LOGIN: сервер прислал третий вызов после имени пользователя и пароля</translation>
    </message>
    <message>
        <source>PLAIN: the server sent another challenge after the credentials (PLAIN has one message)</source>
        <translation>PLAIN: сервер прислал ещё один вызов после учётных данных (в PLAIN одно сообщение)</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server requires an extension this client does not know</source>
        <translation>SCRAM-SHA-256: сервер требует расширения, которого этот клиент не знает</translation>
    </message>
    <message>
        <source>SCRAM-SHA-256: the server&apos;s nonce does not extend the client&apos;s (possible replay)</source>
        <translation>SCRAM-SHA-256: одноразовое число сервера не продолжает число клиента (возможно, повтор)</translation>
    </message>
</context>
<context>
    <name>SendText</name>
    <message>
        <source>The submission server, HOST[:PORT] or [IPv6]:PORT (port 587, or 465 with --security tls).</source>
        <translation>Сервер отправки: УЗЕЛ[:ПОРТ] или [IPv6]:ПОРТ (порт 587 или 465 с --security tls).</translation>
    </message>
    <message>
        <source>Sender, e.g. &quot;Ana &lt;ana@example.org&gt;&quot;; also the envelope&apos;s MAIL FROM.</source>
        <translation>Отправитель, например «Ana &lt;ana@example.org&gt;»; также MAIL FROM в конверте.</translation>
    </message>
    <message>
        <source>Recipients, comma-separated; repeatable.</source>
        <translation>Получатели через запятую; можно повторять.</translation>
    </message>
    <message>
        <source>Cc recipients, comma-separated; repeatable.</source>
        <translation>Получатели копии через запятую; можно повторять.</translation>
    </message>
    <message>
        <source>Bcc recipients: in the envelope only, never in a header.</source>
        <translation>Получатели скрытой копии: только в конверте, никогда в заголовке.</translation>
    </message>
    <message>
        <source>Plain-text body.</source>
        <translation>Текст письма (обычный текст).</translation>
    </message>
    <message>
        <source>Read the plain-text body (UTF-8) from a file.</source>
        <translation>Прочитать текст письма (UTF-8) из файла.</translation>
    </message>
    <message>
        <source>Attach a file; repeatable.</source>
        <translation>Вложить файл; можно повторять.</translation>
    </message>
    <message>
        <source>none, starttls (default: required), starttls-optional (debugging only), or tls (implicit, port 465).</source>
        <translation>none, starttls (по умолчанию: обязательно), starttls-optional (только для отладки) или tls (неявный, порт 465).</translation>
    </message>
    <message>
        <source>User name for AUTH (implies --auth best).</source>
        <translation>Имя пользователя для AUTH (подразумевает --auth best).</translation>
    </message>
    <message>
        <source>The name to give in EHLO/HELO (default: this machine&apos;s name).</source>
        <translation>Имя, которое называть в EHLO/HELO (по умолчанию — имя этого компьютера).</translation>
    </message>
    <message>
        <source>Do not use PIPELINING even when offered.</source>
        <translation>Не использовать PIPELINING, даже если предложено.</translation>
    </message>
    <message>
        <source>Do not use CHUNKING (BDAT) even when offered.</source>
        <translation>Не использовать CHUNKING (BDAT), даже если предложено.</translation>
    </message>
    <message>
        <source>Print only the outcome, not the dialogue.</source>
        <translation>Выводить только итог, без диалога.</translation>
    </message>
    <message>
        <source>Step through the dialogue: before each command it is shown with what it will do and why, and a line read from stdin decides: </source>
        <translation>Пошаговый диалог: перед каждой командой показывается, что она сделает и зачем, а решает строка, прочитанная со стандартного ввода: </translation>
    </message>
    <message>
        <source>With --step: keep PIPELINING, so each pipelined group is one step.</source>
        <translation>С --step: оставить PIPELINING, чтобы каждая конвейерная группа была одним шагом.</translation>
    </message>
    <message>
        <source>Do not keep this attempt in the history (see postwire history).</source>
        <translation>Не сохранять эту попытку в истории (см. postwire history).</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Также доверять сертификатам УЦ из этого файла PEM.</translation>
    </message>
    <message>
        <source>Trust the server certificate with this SHA-256 fingerprint (hex) despite verification errors; repeatable.</source>
        <translation>Доверять сертификату сервера с этим отпечатком SHA-256 (hex), несмотря на ошибки проверки; можно повторять.</translation>
    </message>
    <message>
        <source>Ask for delivery status notifications: comma-separated SUCCESS, FAILURE, DELAY, or NEVER.</source>
        <translation>Запросить уведомления о статусе доставки: через запятую SUCCESS, FAILURE, DELAY или NEVER.</translation>
    </message>
    <message>
        <source>With --dsn: return FULL message or HDRS only.</source>
        <translation>С --dsn: возвращать письмо целиком (FULL) или только заголовки (HDRS).</translation>
    </message>
    <message>
        <source>Deliver straight to each recipient domain&apos;s mail server (MX) on port 25, as a mail server does: no --server, no AUTH, STARTTLS when offered.</source>
        <translation>Доставлять прямо на почтовый сервер (MX) домена каждого получателя на порт 25, как это делает почтовый сервер: без --server, без AUTH, STARTTLS, если предложен.</translation>
    </message>
    <message>
        <source>With --mx: ask this DNS server (an IP address) instead of the system&apos;s resolver.</source>
        <translation>С --mx: спрашивать этот DNS-сервер (IP-адрес) вместо системного резолвера.</translation>
    </message>
    <message>
        <source>With --mx: connect to this port instead of 25 (test setups only).</source>
        <translation>С --mx: подключаться к этому порту вместо 25 (только для тестовых стендов).</translation>
    </message>
    <message>
        <source>With --dsn: the envelope id to quote in notifications.</source>
        <translation>С --dsn: идентификатор конверта, который приводится в уведомлениях.</translation>
    </message>
    <message>
        <source>OK: every recipient domain took the message (%1 of %2, %3 ms)</source>
        <translation>OK: письмо приняли все домены получателей (%1 из %2, %3 мс)</translation>
    </message>
    <message>
        <source>FAILED: %1 of %2 recipient domains took the message (%3 ms)</source>
        <translation>ОШИБКА: письмо приняли %1 из %2 доменов получателей (%3 мс)</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>лишний аргумент «%1»</translation>
    </message>
    <message>
        <source>queue id %1</source>
        <translation>идентификатор в очереди %1</translation>
    </message>
    <message>
        <source>WARNING: recipient &lt;%1&gt; refused: %2 (%3)</source>
        <translation>ВНИМАНИЕ: получатель &lt;%1&gt; отклонён: %2 (%3)</translation>
    </message>
    <message>
        <source>--%1: not with --mx, which delivers to each recipient domain&apos;s mail server on port 25 without AUTH, with STARTTLS when offered</source>
        <translation>--%1: не с --mx, которая доставляет на почтовый сервер домена каждого получателя на порт 25 без AUTH, со STARTTLS, если он предложен</translation>
    </message>
    <message>
        <source>--mx-port: give a port from 1 to 65535</source>
        <translation>--mx-port: укажите порт от 1 до 65535</translation>
    </message>
    <message>
        <source>. The end of input stops.</source>
        <translation>. Конец ввода останавливает отправку.</translation>
    </message>
    <message>
        <source>Send this RFC 5322 file as it is (line endings made CRLF); --from and --to/--cc/--bcc give the envelope.</source>
        <translation>Отправить этот файл RFC 5322 как есть (окончания строк заменяются на CRLF); --from и --to/--cc/--bcc задают конверт.</translation>
    </message>
    <message>
        <source>--%1: only with --mx</source>
        <translation>--%1: только с --mx</translation>
    </message>
    <message>
        <source>--server: missing; give the submission server, e.g. --server mail.example.org:587, or --mx</source>
        <translation>--server: не указан; укажите сервер отправки, например --server mail.example.org:587, или --mx</translation>
    </message>
    <message>
        <source>--from: missing; give the sender&apos;s address</source>
        <translation>--from: не указан; укажите адрес отправителя</translation>
    </message>
    <message>
        <source>--body and --body-file: give one, not both</source>
        <translation>--body и --body-file: укажите что-то одно</translation>
    </message>
    <message>
        <source>--body-file: cannot read %1: %2</source>
        <translation>--body-file: не удаётся прочитать %1: %2</translation>
    </message>
    <message>
        <source>--attach: %1 is not a readable file</source>
        <translation>--attach: %1 — не файл или его нельзя прочитать</translation>
    </message>
    <message>
        <source>--eml: %1 is not a readable file</source>
        <translation>--eml: %1 — не файл или его нельзя прочитать</translation>
    </message>
    <message>
        <source>--eml: the file is sent as it is; --subject, --body, --body-file and --attach cannot change it</source>
        <translation>--eml: файл отправляется как есть; --subject, --body, --body-file и --attach не могут его изменить</translation>
    </message>
    <message>
        <source>--step-pipelining: only with --step</source>
        <translation>--step-pipelining: только с --step</translation>
    </message>
    <message>
        <source>--auth: %1 is not one of %2, best</source>
        <translation>--auth: %1 — не один из %2, best</translation>
    </message>
    <message>
        <source>--user: AUTH needs a user name</source>
        <translation>--user: для AUTH нужно имя пользователя</translation>
    </message>
    <message>
        <source>--password-env or --password-file: AUTH needs a password (never given on the command line, where other users can see it)</source>
        <translation>--password-env или --password-file: для AUTH нужен пароль (никогда не в командной строке, где его видят другие пользователи)</translation>
    </message>
    <message>
        <source>--dsn: NEVER cannot be combined with other values (RFC 3461)</source>
        <translation>--dsn: NEVER нельзя сочетать с другими значениями (RFC 3461)</translation>
    </message>
    <message>
        <source>, encrypted (the certificate was NOT verified)</source>
        <translation>, зашифровано (сертификат НЕ проверен)</translation>
    </message>
    <message>
        <source>, queue id %1</source>
        <translation>, идентификатор в очереди %1</translation>
    </message>
    <message>
        <source>  &lt;%1&gt;: not sent</source>
        <translation>  &lt;%1&gt;: не отправлено</translation>
    </message>
    <message>
        <source>--envid: must not contain spaces or line breaks</source>
        <translation>--envid: не должен содержать пробелов и переводов строк</translation>
    </message>
    <message numerus="yes">
        <source>%n round trips</source>
        <translation>
            <numerusform>%n обмен</numerusform>
            <numerusform>%n обмена</numerusform>
            <numerusform>%n обменов</numerusform>
        </translation>
    </message>
    <message>
        <source>Sends one message and prints the SMTP dialogue as it happens: C: client, S: server, TLS: encryption, -- notes, !! errors and warnings, each with the milliseconds since the connection started and each reply with the server&apos;s latency.</source>
        <translation>Отправляет одно письмо и выводит диалог SMTP по ходу дела: C: клиент, S: сервер, TLS: шифрование, -- заметки, !! ошибки и предупреждения, каждая строка — с миллисекундами от начала соединения, каждый ответ — с задержкой сервера.</translation>
    </message>
    <message>
        <source>Give up on any step after this many seconds (default: RFC 5321&apos;s per-step timeouts).</source>
        <translation>Сдаваться на любом шаге через столько секунд (по умолчанию — тайм-ауты шагов по RFC 5321).</translation>
    </message>
    <message>
        <source>After each command and reply, say in plain words what it means (for learning SMTP).</source>
        <translation>После каждой команды и ответа объяснять простыми словами, что они значат (для изучения SMTP).</translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate (debugging only; warned in the transcript).</source>
        <translation>Не проверять сертификат сервера (только для отладки; предупреждение появится в протоколе).</translation>
    </message>
    <message>
        <source>Allow AUTH over an unencrypted connection to a host that is not loopback.</source>
        <translation>Разрешить AUTH по незашифрованному соединению с узлом, который не является петлевым.</translation>
    </message>
    <message>
        <source>Authenticate with this SASL mechanism (PLAIN, LOGIN, CRAM-MD5, XOAUTH2, OAUTHBEARER, SCRAM-SHA-256), or &quot;best&quot; for the strongest both sides offer.</source>
        <translation>Аутентифицироваться этим механизмом SASL (PLAIN, LOGIN, CRAM-MD5, XOAUTH2, OAUTHBEARER, SCRAM-SHA-256) или «best» — самым надёжным из тех, что есть у обеих сторон.</translation>
    </message>
    <message>
        <source>Read the password (or OAuth2 access token) from this environment variable.</source>
        <translation>Прочитать пароль (или токен доступа OAuth2) из этой переменной окружения.</translation>
    </message>
    <message>
        <source>Read the password (or OAuth2 access token) from the first line of this file.</source>
        <translation>Прочитать пароль (или токен доступа OAuth2) из первой строки этого файла.</translation>
    </message>
</context>
<context>
    <name>SentStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>The Sent entry %1 is damaged; it was kept as %2</source>
        <translation>Запись %1 в «Отправленных» повреждена; она сохранена как %2</translation>
    </message>
    <message>
        <source>Cannot create the Sent folder %1</source>
        <translation>Не удаётся создать папку «Отправленные» %1</translation>
    </message>
    <message>
        <source>No sent message %1</source>
        <translation>Нет отправленного письма %1</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>Не удаётся удалить %1</translation>
    </message>
</context>
<context>
    <name>ServerKnowledge</name>
    <message>
        <source>The message is %1, larger than the %2 this server accepts (SIZE, %3); it would be refused.</source>
        <translation>Размер письма %1 — больше %2, которые принимает этот сервер (SIZE, %3); оно будет отклонено.</translation>
    </message>
    <message>
        <source>An address has non-ASCII characters, which needs SMTPUTF8, and this server does not offer it (%1).</source>
        <translation>В адресе есть символы не из ASCII, для этого нужен SMTPUTF8, а этот сервер его не предлагает (%1).</translation>
    </message>
    <message>
        <source>Delivery notifications (DSN) were asked for and this server does not offer them (%1): none will come.</source>
        <translation>Запрошены уведомления о доставке (DSN), а этот сервер их не предлагает (%1): они не придут.</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1 (%2).</translation>
    </message>
    <message>
        <source>learnt just now</source>
        <translation>узнано только что</translation>
    </message>
    <message>
        <source>learnt on %1</source>
        <translation>узнано %1</translation>
    </message>
    <message numerus="yes">
        <source>learnt %n minutes ago</source>
        <translation>
            <numerusform>узнано %n минуту назад</numerusform>
            <numerusform>узнано %n минуты назад</numerusform>
            <numerusform>узнано %n минут назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>learnt %n hours ago</source>
        <translation>
            <numerusform>узнано %n час назад</numerusform>
            <numerusform>узнано %n часа назад</numerusform>
            <numerusform>узнано %n часов назад</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerReport</name>
    <message>
        <source>note</source>
        <translation>замечание</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>ПРОБЛЕМА</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>Рукопожатие TLS</translation>
    </message>
    <message>
        <source>EHLO after TLS</source>
        <translation>EHLO после TLS</translation>
    </message>
    <message>
        <source>QUIT</source>
        <translation>QUIT</translation>
    </message>
    <message>
        <source>The check stopped %1: %2. What was learnt until then is shown.</source>
        <translation>Проверка остановилась %1: %2. Показано то, что удалось узнать до этого.</translation>
    </message>
    <message>
        <source>The server refused the session in its greeting (%1): it takes no mail from this client now.</source>
        <translation>Сервер отказал в сеансе уже в приветствии (%1): сейчас он не принимает почту от этого клиента.</translation>
    </message>
    <message>
        <source>The greeting took %1 s. Clients and other servers give up or slow down; a slow reverse DNS lookup, greylisting or a deliberate greeting delay are the usual causes.</source>
        <translation>Приветствие заняло %1 с. Клиенты и другие серверы сдаются или замедляются; обычные причины — медленный обратный DNS-запрос, серые списки или намеренная задержка приветствия.</translation>
    </message>
    <message>
        <source>The server refused EHLO and answered only HELO: it offers no extensions at all (no STARTTLS, no SIZE, no PIPELINING).</source>
        <translation>Сервер отклонил EHLO и ответил только на HELO: он вообще не предлагает расширений (ни STARTTLS, ни SIZE, ни PIPELINING).</translation>
    </message>
    <message>
        <source>AUTH is offered before TLS, with mechanisms that send the password readably (%1): a client that logs in now exposes it to anyone on the path.</source>
        <translation>AUTH предлагается до TLS, с механизмами, передающими пароль в читаемом виде (%1): клиент, который сейчас войдёт, раскроет его любому на пути.</translation>
    </message>
    <message>
        <source>AUTH is offered before TLS (%1): the login is visible to anyone on the path, and a client may be tempted to use it.</source>
        <translation>AUTH предлагается до TLS (%1): вход виден любому на пути, и клиент может поддаться соблазну им воспользоваться.</translation>
    </message>
    <message>
        <source>No STARTTLS on the submission port: mail and passwords can only travel unencrypted.</source>
        <translation>На порту отправки нет STARTTLS: письма и пароли могут передаваться только без шифрования.</translation>
    </message>
    <message>
        <source>No STARTTLS on port 25: mail from other servers reaches this one unencrypted.</source>
        <translation>На порту 25 нет STARTTLS: письма от других серверов приходят сюда без шифрования.</translation>
    </message>
    <message>
        <source>The server offers STARTTLS again after TLS is up; it must not.</source>
        <translation>Сервер снова предлагает STARTTLS после включения TLS; так нельзя.</translation>
    </message>
    <message>
        <source>The TLS version is %1; versions below 1.2 are deprecated and broken.</source>
        <translation>Версия TLS — %1; версии ниже 1.2 устарели и небезопасны.</translation>
    </message>
    <message numerus="yes">
        <source>The cipher %1 uses only %n bits.</source>
        <translation>
            <numerusform>Шифр %1 использует всего %n бит.</numerusform>
            <numerusform>Шифр %1 использует всего %n бита.</numerusform>
            <numerusform>Шифр %1 использует всего %n бит.</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate does not verify for %1: %2. Clients that check refuse it; the check went on only to inspect it.</source>
        <translation>Сертификат не проходит проверку для %1: %2. Проверяющие клиенты его отвергнут; проверка продолжилась только ради его изучения.</translation>
    </message>
    <message>
        <source>best practice: renew 30 days ahead (Let&apos;s Encrypt renews at 30 days)</source>
        <translation>хорошая практика: обновлять за 30 дней (Let&apos;s Encrypt обновляет за 30 дней)</translation>
    </message>
    <message numerus="yes">
        <source>The certificate&apos;s RSA key has only %n bits; 2048 is the minimum.</source>
        <translation>
            <numerusform>У ключа RSA сертификата всего %n бит; минимум — 2048.</numerusform>
            <numerusform>У ключа RSA сертификата всего %n бита; минимум — 2048.</numerusform>
            <numerusform>У ключа RSA сертификата всего %n бит; минимум — 2048.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server offers STARTTLS but the session stayed unencrypted.</source>
        <translation>Сервер предлагает STARTTLS, но сеанс остался незашифрованным.</translation>
    </message>
    <message>
        <source>No PIPELINING: every command waits for its reply, one round trip each.</source>
        <translation>Нет PIPELINING: каждая команда ждёт своего ответа, по одному обмену на команду.</translation>
    </message>
    <message>
        <source>No 8BITMIME: 8-bit text must be re-encoded before sending.</source>
        <translation>Нет 8BITMIME: 8-битный текст нужно перекодировать перед отправкой.</translation>
    </message>
    <message>
        <source>No SMTPUTF8: addresses with non-ASCII characters (ana@exämple.org, josé@example.org) cannot be sent through this server.</source>
        <translation>Нет SMTPUTF8: адреса с символами не из ASCII (ana@exämple.org, josé@example.org) через этот сервер отправить нельзя.</translation>
    </message>
    <message>
        <source>No ENHANCEDSTATUSCODES: refusals carry no class.subject.detail code, so clients explain them less precisely.</source>
        <translation>Нет ENHANCEDSTATUSCODES: отказы приходят без кода класс.тема.деталь, поэтому клиенты объясняют их менее точно.</translation>
    </message>
    <message>
        <source>No SIZE: a client learns that a message is too large only after sending all of it.</source>
        <translation>Нет SIZE: клиент узнаёт, что письмо слишком велико, только отправив его целиком.</translation>
    </message>
    <message>
        <source>VRFY or EXPN is offered: anyone can test which addresses exist.</source>
        <translation>Предлагается VRFY или EXPN: кто угодно может проверить, какие адреса существуют.</translation>
    </message>
    <message>
        <source>No AUTH after TLS on a submission port: a mail program cannot log in here.</source>
        <translation>На порту отправки нет AUTH после TLS: почтовая программа не сможет здесь войти.</translation>
    </message>
    <message>
        <source>no fixed limit</source>
        <translation>без фиксированного предела</translation>
    </message>
    <message>
        <source>Server check of %1 port %2 (security: %3), %4</source>
        <translation>Проверка сервера %1, порт %2 (защита: %3), %4</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Адрес: %1</translation>
    </message>
    <message>
        <source>FINDINGS</source>
        <translation>ЗАМЕЧАНИЯ</translation>
    </message>
    <message>
        <source>  none: nothing to remark</source>
        <translation>  нет: замечаний нет</translation>
    </message>
    <message>
        <source>GREETING</source>
        <translation>ПРИВЕТСТВИЕ</translation>
    </message>
    <message>
        <source>  none received</source>
        <translation>  не получено</translation>
    </message>
    <message>
        <source>  after %1 ms</source>
        <translation>  через %1 мс</translation>
    </message>
    <message>
        <source>EXTENSIONS</source>
        <translation>РАСШИРЕНИЯ</translation>
    </message>
    <message>
        <source>  none</source>
        <translation>  нет</translation>
    </message>
    <message>
        <source>keyword</source>
        <translation>ключевое слово</translation>
    </message>
    <message>
        <source>before TLS</source>
        <translation>до TLS</translation>
    </message>
    <message>
        <source>after TLS</source>
        <translation>после TLS</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>%1 -&gt; %2</source>
        <translation>%1 -&gt; %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>  TLS added: %1</source>
        <translation>  добавлены после TLS: %1</translation>
    </message>
    <message>
        <source>  TLS removed: %1</source>
        <translation>  убраны после TLS: %1</translation>
    </message>
    <message>
        <source>  AUTH before TLS: %1</source>
        <translation>  AUTH до TLS: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>  AUTH after TLS: %1</source>
        <translation>  AUTH после TLS: %1</translation>
    </message>
    <message>
        <source>  SIZE: %1</source>
        <translation>  SIZE: %1</translation>
    </message>
    <message>
        <source>not announced</source>
        <translation>не объявлен</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>  not established</source>
        <translation>  не установлен</translation>
    </message>
    <message>
        <source>  not used</source>
        <translation>  не используется</translation>
    </message>
    <message numerus="yes">
        <source>  %1, cipher %2 (%n bits)</source>
        <translation>
            <numerusform>  %1, шифр %2 (%n бит)</numerusform>
            <numerusform>  %1, шифр %2 (%n бита)</numerusform>
            <numerusform>  %1, шифр %2 (%n бит)</numerusform>
        </translation>
    </message>
    <message>
        <source>  certificate verifies for %1</source>
        <translation>  сертификат проходит проверку для %1</translation>
    </message>
    <message>
        <source>  certificate does NOT verify for %1</source>
        <translation>  сертификат НЕ проходит проверку для %1</translation>
    </message>
    <message>
        <source>  Server certificate</source>
        <translation>  Сертификат сервера</translation>
    </message>
    <message>
        <source>  Chain certificate %1</source>
        <translation>  Сертификат цепочки %1</translation>
    </message>
    <message>
        <source>    subject:  %1</source>
        <translation>    субъект:  %1</translation>
    </message>
    <message>
        <source>    issuer:   %1%2</source>
        <translation>    издатель: %1%2</translation>
    </message>
    <message>
        <source> (self-signed)</source>
        <translation> (самоподписанный)</translation>
    </message>
    <message>
        <source>    names:    %1</source>
        <translation>    имена:    %1</translation>
    </message>
    <message>
        <source>    key:      %1 %2 bits</source>
        <translation>    ключ:     %1 %2 бит</translation>
    </message>
    <message>
        <source>    SHA-256:  %1</source>
        <translation>    SHA-256:  %1</translation>
    </message>
    <message>
        <source>STEPS</source>
        <translation>ШАГИ</translation>
    </message>
    <message>
        <source>  %1 ms  %2  (%3 ms)</source>
        <translation>  %1 мс  %2  (%3 мс)</translation>
    </message>
    <message>
        <source>  stopped %1: %2</source>
        <translation>  остановлено %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n days (%1).</source>
        <translation>
            <numerusform>Срок действия сертификата истекает через %n день (%1).</numerusform>
            <numerusform>Срок действия сертификата истекает через %n дня (%1).</numerusform>
            <numerusform>Срок действия сертификата истекает через %n дней (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>    valid:    %1 to %2 (%n days left)</source>
        <translation>
            <numerusform>    действует: с %1 по %2 (остался %n день)</numerusform>
            <numerusform>    действует: с %1 по %2 (осталось %n дня)</numerusform>
            <numerusform>    действует: с %1 по %2 (осталось %n дней)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpAuthentication</name>
    <message>
        <source>refusing to send the password over an unencrypted connection to %1; use STARTTLS or TLS, or explicitly allow unencrypted authentication</source>
        <translation>пароль не будет отправлен по незашифрованному соединению с %1; используйте STARTTLS или TLS либо явно разрешите аутентификацию без шифрования</translation>
    </message>
    <message>
        <source>warning: authenticating over an UNENCRYPTED connection, as allowed for this account</source>
        <translation>внимание: аутентификация по НЕЗАШИФРОВАННОМУ соединению, как разрешено для этой учётной записи</translation>
    </message>
    <message>
        <source>the server does not speak ESMTP, so it offers no AUTH; cannot authenticate</source>
        <translation>сервер не говорит на ESMTP, поэтому не предлагает AUTH; аутентифицироваться нельзя</translation>
    </message>
    <message>
        <source>the server offers no AUTH mechanism; cannot authenticate</source>
        <translation>сервер не предлагает ни одного механизма AUTH; аутентифицироваться нельзя</translation>
    </message>
    <message>
        <source>no AUTH mechanism in common: the server offers %1, Postwire implements %2</source>
        <translation>нет общего механизма AUTH: сервер предлагает %1, Postwire поддерживает %2</translation>
    </message>
    <message>
        <source>AUTH %1 is not offered by the server (it offers %2)</source>
        <translation>сервер не предлагает AUTH %1 (он предлагает %2)</translation>
    </message>
    <message>
        <source>AUTH %1: no password or token given</source>
        <translation>AUTH %1: не указан пароль или токен</translation>
    </message>
    <message>
        <source>AUTH %1 is not implemented by Postwire</source>
        <translation>Postwire не поддерживает AUTH %1</translation>
    </message>
    <message>
        <source>AUTH %1: %2</source>
        <translation>AUTH %1: %2</translation>
    </message>
    <message>
        <source>AUTH %1: %2; cancelling the exchange</source>
        <translation>AUTH %1: %2; обмен отменяется</translation>
    </message>
    <message>
        <source>AUTH %1: the server accepted, but %2</source>
        <translation>AUTH %1: сервер принял вход, но %2</translation>
    </message>
    <message>
        <source>authenticated as %1 with %2</source>
        <translation>аутентифицирован как %1 с %2</translation>
    </message>
    <message>
        <source> (server: </source>
        <translation> (сервер: </translation>
    </message>
    <message>
        <source>AUTH %1 failed: %2</source>
        <translation>AUTH %1 не удалась: %2</translation>
    </message>
    <message>
        <source>AUTH %1: the server accepted an exchange the client had cancelled (%2): %3</source>
        <translation>AUTH %1: сервер принял обмен, который клиент отменил (%2): %3</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>subject &quot;%1&quot;, issuer &quot;%2&quot;, valid %3 to %4, SHA-256 %5</source>
        <translation>субъект «%1», издатель «%2», действует с %3 по %4, SHA-256 %5</translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation>Нет (без шифрования)</translation>
    </message>
    <message>
        <source>STARTTLS, required</source>
        <translation>STARTTLS, обязательно</translation>
    </message>
    <message>
        <source>STARTTLS if offered</source>
        <translation>STARTTLS, если предложен</translation>
    </message>
    <message>
        <source>TLS from the start</source>
        <translation>TLS с самого начала</translation>
    </message>
    <message>
        <source>before connecting</source>
        <translation>до подключения</translation>
    </message>
    <message>
        <source>while connecting</source>
        <translation>при подключении</translation>
    </message>
    <message>
        <source>at the greeting</source>
        <translation>при приветствии</translation>
    </message>
    <message>
        <source>at the introduction (EHLO)</source>
        <translation>при представлении (EHLO)</translation>
    </message>
    <message>
        <source>at the introduction (HELO)</source>
        <translation>при представлении (HELO)</translation>
    </message>
    <message>
        <source>while starting TLS (STARTTLS)</source>
        <translation>при включении TLS (STARTTLS)</translation>
    </message>
    <message>
        <source>during the TLS handshake</source>
        <translation>во время рукопожатия TLS</translation>
    </message>
    <message>
        <source>while the server&apos;s certificate was reviewed</source>
        <translation>во время проверки сертификата сервера</translation>
    </message>
    <message>
        <source>while logging in (AUTH)</source>
        <translation>при входе (AUTH)</translation>
    </message>
    <message>
        <source>while waiting for the password</source>
        <translation>в ожидании пароля</translation>
    </message>
    <message>
        <source>at the sender address (MAIL FROM)</source>
        <translation>на адресе отправителя (MAIL FROM)</translation>
    </message>
    <message>
        <source>at the recipient addresses (RCPT TO)</source>
        <translation>на адресах получателей (RCPT TO)</translation>
    </message>
    <message>
        <source>at the start of the message data (DATA)</source>
        <translation>в начале данных письма (DATA)</translation>
    </message>
    <message>
        <source>while sending the message content</source>
        <translation>при отправке содержимого письма</translation>
    </message>
    <message>
        <source>at the end of the message data</source>
        <translation>в конце данных письма</translation>
    </message>
    <message>
        <source>while ending the transaction (RSET)</source>
        <translation>при завершении транзакции (RSET)</translation>
    </message>
    <message>
        <source>while saying goodbye (QUIT)</source>
        <translation>при прощании (QUIT)</translation>
    </message>
    <message>
        <source>after the session ended</source>
        <translation>после окончания сеанса</translation>
    </message>
    <message>
        <source>server: no host name given</source>
        <translation>сервер: не указано имя узла</translation>
    </message>
    <message>
        <source>server: port 0 is not a valid port</source>
        <translation>сервер: порт 0 недопустим</translation>
    </message>
    <message>
        <source>EHLO name &quot;%1&quot; must be one word</source>
        <translation>имя EHLO «%1» должно быть одним словом</translation>
    </message>
    <message>
        <source>message: nothing to send</source>
        <translation>письмо: нечего отправлять</translation>
    </message>
    <message>
        <source>connecting to %1 port %2, security: %3</source>
        <translation>подключение к %1, порт %2, защита: %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>warning: STARTTLS only if offered; a server (or anyone in between) that hides STARTTLS gets this mail and any password unencrypted</source>
        <translation>внимание: STARTTLS, только если предложен; сервер (или любой посредник), скрывший STARTTLS, получит это письмо и пароль без шифрования</translation>
    </message>
    <message>
        <source>warning: certificate verification is off; anyone in between can read and change this session</source>
        <translation>внимание: проверка сертификата отключена; любой посредник может читать и изменять этот сеанс</translation>
    </message>
    <message>
        <source>connected to %1 port %2 from %3</source>
        <translation>подключено к %1, порт %2, с %3</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>приветствие</translation>
    </message>
    <message>
        <source>TLS established: %1, cipher %2 (%3 bits)</source>
        <translation>TLS установлен: %1, шифр %2 (%3 бит)</translation>
    </message>
    <message>
        <source>%1 certificate: %2</source>
        <translation>сертификат %1: %2</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сервера</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>цепочки %1</translation>
    </message>
    <message>
        <source>TLS certificate problem: %1</source>
        <translation>проблема с сертификатом TLS: %1</translation>
    </message>
    <message>
        <source>certificate accepted: it is pinned for this account (SHA-256 %1)</source>
        <translation>сертификат принят: он закреплён для этой учётной записи (SHA-256 %1)</translation>
    </message>
    <message>
        <source>continuing despite these problems: verification is off</source>
        <translation>продолжаем, несмотря на эти проблемы: проверка отключена</translation>
    </message>
    <message>
        <source>certificate accepted by the user for this connection</source>
        <translation>сертификат принят пользователем для этого соединения</translation>
    </message>
    <message>
        <source>certificate not trusted, accepted only to inspect the server: nothing but EHLO and QUIT is sent over this connection</source>
        <translation>сертификату нет доверия, он принят только для изучения сервера: по этому соединению отправляются только EHLO и QUIT</translation>
    </message>
    <message>
        <source>TLS certificate refused: %1</source>
        <translation>сертификат TLS отклонён: %1</translation>
    </message>
    <message>
        <source>step mode: Postwire waits before each command without a timeout of its own, but the server&apos;s idle timer keeps running (it may close the connection after a few minutes)</source>
        <translation>пошаговый режим: Postwire ждёт перед каждой командой без собственного тайм-аута, но таймер простоя сервера продолжает идти (через несколько минут он может закрыть соединение)</translation>
    </message>
    <message>
        <source>nothing is waiting to be sent</source>
        <translation>ничто не ждёт отправки</translation>
    </message>
    <message>
        <source>the inserted command has not been answered yet</source>
        <translation>на вставленную команду ещё нет ответа</translation>
    </message>
    <message>
        <source>the message content cannot be edited here</source>
        <translation>содержимое письма здесь редактировать нельзя</translation>
    </message>
    <message>
        <source>this step has no command %1</source>
        <translation>в этом шаге нет команды %1</translation>
    </message>
    <message>
        <source>AUTH lines carry credentials: they cannot be edited</source>
        <translation>строки AUTH содержат учётные данные: их редактировать нельзя</translation>
    </message>
    <message>
        <source>%1 is not %2: it goes now as a command of your own and its reply answers it; %2 still waits to be sent, edited or stopped</source>
        <translation>%1 — не %2: она уходит сейчас как ваша собственная команда, и ответ относится к ней; %2 по-прежнему ждёт отправки, правки или остановки</translation>
    </message>
    <message>
        <source>inside the message data a command would become part of the message</source>
        <translation>внутри данных письма команда стала бы частью письма</translation>
    </message>
    <message>
        <source>protocol error %1: %2</source>
        <translation>ошибка протокола %1: %2</translation>
    </message>
    <message>
        <source>the server is closing the connection %1: %2</source>
        <translation>сервер закрывает соединение %1: %2</translation>
    </message>
    <message>
        <source>protocol error %1: unexpected reply &quot;%2&quot; to no command</source>
        <translation>ошибка протокола %1: неожиданный ответ «%2» ни на какую команду</translation>
    </message>
    <message>
        <source>protocol error %1: reply &quot;%2&quot; does not answer %3</source>
        <translation>ошибка протокола %1: ответ «%2» не отвечает на %3</translation>
    </message>
    <message>
        <source>the server closed the session in reply to %1: %2</source>
        <translation>сервер закрыл сеанс в ответ на %1: %2</translation>
    </message>
    <message>
        <source>the end of an empty message</source>
        <translation>конец пустого письма</translation>
    </message>
    <message>
        <source>the server refused the session in its greeting: %1</source>
        <translation>сервер отказал в сеансе уже в приветствии: %1</translation>
    </message>
    <message>
        <source>the server does not know EHLO; falling back to HELO (no extensions)</source>
        <translation>сервер не знает EHLO; переходим на HELO (без расширений)</translation>
    </message>
    <message>
        <source>EHLO refused: %1</source>
        <translation>EHLO отклонён: %1</translation>
    </message>
    <message>
        <source>HELO refused: %1</source>
        <translation>HELO отклонён: %1</translation>
    </message>
    <message>
        <source>starting TLS handshake</source>
        <translation>начинается рукопожатие TLS</translation>
    </message>
    <message>
        <source>warning: STARTTLS refused (%1); continuing UNENCRYPTED as &quot;STARTTLS if offered&quot; allows</source>
        <translation>внимание: STARTTLS отклонён (%1); продолжаем БЕЗ ШИФРОВАНИЯ, как допускает режим «STARTTLS, если предложен»</translation>
    </message>
    <message>
        <source>STARTTLS refused: %1; nothing else is sent unencrypted</source>
        <translation>STARTTLS отклонён: %1; больше ничего без шифрования не отправляется</translation>
    </message>
    <message>
        <source>the server does not speak ESMTP, so it cannot offer STARTTLS, which this account requires; nothing else is sent</source>
        <translation>сервер не говорит на ESMTP, поэтому не может предложить STARTTLS, которого требует эта учётная запись; больше ничего не отправляется</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS, which this account requires; nothing else is sent</source>
        <translation>сервер не предлагает STARTTLS, которого требует эта учётная запись; больше ничего не отправляется</translation>
    </message>
    <message>
        <source>warning: the server does not offer STARTTLS; continuing UNENCRYPTED as &quot;STARTTLS if offered&quot; allows</source>
        <translation>внимание: сервер не предлагает STARTTLS; продолжаем БЕЗ ШИФРОВАНИЯ, как допускает режим «STARTTLS, если предложен»</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>зашифровано</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>без шифрования</translation>
    </message>
    <message>
        <source>authenticated with %1</source>
        <translation>аутентифицирован с %1</translation>
    </message>
    <message>
        <source>the account works: %1</source>
        <translation>учётная запись работает: %1</translation>
    </message>
    <message>
        <source>an address has non-ASCII characters before the @ and the server does not offer SMTPUTF8 (RFC 6531): %1</source>
        <translation>в адресе есть символы не из ASCII до @, а сервер не предлагает SMTPUTF8 (RFC 6531): %1</translation>
    </message>
    <message>
        <source>the message (%1 bytes) is larger than the server&apos;s SIZE limit of %2 bytes; not sent</source>
        <translation>письмо (%1 байтов) больше предела SIZE сервера в %2 байтов; не отправлено</translation>
    </message>
    <message>
        <source>pipelining MAIL, %1 RCPT and BDAT with the message (PIPELINING, CHUNKING)</source>
        <translation>MAIL, %1 RCPT и BDAT с письмом отправляются конвейером (PIPELINING, CHUNKING)</translation>
    </message>
    <message>
        <source>pipelining MAIL, %1 RCPT and DATA in one group (PIPELINING)</source>
        <translation>MAIL, %1 RCPT и DATA отправляются одной конвейерной группой (PIPELINING)</translation>
    </message>
    <message>
        <source>BDAT (the message)</source>
        <translation>BDAT (письмо)</translation>
    </message>
    <message>
        <source>the message could not be read while sending: %1; the connection was closed so nothing half-written is delivered</source>
        <translation>письмо не удалось прочитать во время отправки: %1; соединение закрыто, чтобы не было доставлено ничего недописанного</translation>
    </message>
    <message>
        <source>the message was %1 bytes, not the %2 announced in BDAT; the connection was closed</source>
        <translation>письмо заняло %1 байтов, а не %2, объявленных в BDAT; соединение закрыто</translation>
    </message>
    <message>
        <source>the end of the message data</source>
        <translation>конец данных письма</translation>
    </message>
    <message>
        <source>; the message was completely sent but the server&apos;s reply never came, so it may or may not have been delivered (do not simply resend: check first)</source>
        <translation>; письмо было отправлено полностью, но ответ сервера так и не пришёл, поэтому оно могло быть доставлено, а могло и не быть (не отправляйте повторно сразу: сначала проверьте)</translation>
    </message>
    <message>
        <source>; the whole message had already gone out, pipelined behind the commands still unanswered, so it may or may not have been delivered (do not simply resend: check first)</source>
        <translation>; письмо уже ушло целиком конвейером за командами, ещё не получившими ответа, поэтому оно могло быть доставлено, а могло и не быть (не отправляйте повторно сразу: сначала проверьте)</translation>
    </message>
    <message>
        <source>no reply to QUIT; closing the connection</source>
        <translation>нет ответа на QUIT; соединение закрывается</translation>
    </message>
    <message>
        <source>timeout %1: the server took no data for %2 s</source>
        <translation>тайм-аут %1: сервер не принимал данные %2 с</translation>
    </message>
    <message>
        <source>timeout %1: no connection to %2 port %3 within %4 s</source>
        <translation>тайм-аут %1: нет соединения с %2, порт %3, за %4 с</translation>
    </message>
    <message>
        <source>timeout %1: the TLS handshake did not finish within %2 s</source>
        <translation>тайм-аут %1: рукопожатие TLS не завершилось за %2 с</translation>
    </message>
    <message>
        <source>timeout %1: no reply to %2 within %3 s</source>
        <translation>тайм-аут %1: нет ответа на %2 за %3 с</translation>
    </message>
    <message>
        <source>stopped by the user while waiting for the end of the session</source>
        <translation>остановлено пользователем в ожидании конца сеанса</translation>
    </message>
    <message>
        <source>cancelled by the user %1</source>
        <translation>отменено пользователем %1</translation>
    </message>
    <message>
        <source>the server closed the connection %1, before it answered %2</source>
        <translation>сервер закрыл соединение %1, не ответив на %2</translation>
    </message>
    <message>
        <source>the server closed the connection %1</source>
        <translation>сервер закрыл соединение %1</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3</source>
        <translation>не удаётся подключиться к %1, порт %2: %3</translation>
    </message>
    <message>
        <source>TLS failed %1: %2</source>
        <translation>ошибка TLS %1: %2</translation>
    </message>
    <message>
        <source>connection lost %1: %2</source>
        <translation>соединение потеряно %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>… message body: %n lines, %1 bytes in all (headers above) …</source>
        <translation>
            <numerusform>… тело письма: %n строка, всего %1 байтов (заголовки выше) …</numerusform>
            <numerusform>… тело письма: %n строки, всего %1 байтов (заголовки выше) …</numerusform>
            <numerusform>… тело письма: %n строк, всего %1 байтов (заголовки выше) …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpExplain</name>
    <message>
        <source>other or undefined status</source>
        <translation>прочий или неопределённый статус</translation>
    </message>
    <message>
        <source>other address status</source>
        <translation>прочий статус адреса</translation>
    </message>
    <message>
        <source>check the address</source>
        <translation>проверьте адрес</translation>
    </message>
    <message>
        <source>bad destination mailbox</source>
        <translation>неверный почтовый ящик получателя</translation>
    </message>
    <message>
        <source>fix the address</source>
        <translation>исправьте адрес</translation>
    </message>
    <message>
        <source>bad destination system (the domain has no mail server)</source>
        <translation>неверная система получателя (у домена нет почтового сервера)</translation>
    </message>
    <message>
        <source>check the domain of the address</source>
        <translation>проверьте домен адреса</translation>
    </message>
    <message>
        <source>bad destination mailbox address syntax</source>
        <translation>неверный синтаксис адреса получателя</translation>
    </message>
    <message>
        <source>fix the way the address is written</source>
        <translation>исправьте написание адреса</translation>
    </message>
    <message>
        <source>destination mailbox address ambiguous</source>
        <translation>адрес получателя неоднозначен</translation>
    </message>
    <message>
        <source>give the full address</source>
        <translation>укажите полный адрес</translation>
    </message>
    <message>
        <source>destination address valid</source>
        <translation>адрес получателя действителен</translation>
    </message>
    <message>
        <source>mailbox has moved, no forwarding address</source>
        <translation>почтовый ящик перемещён, адреса пересылки нет</translation>
    </message>
    <message>
        <source>find the recipient&apos;s new address</source>
        <translation>узнайте новый адрес получателя</translation>
    </message>
    <message>
        <source>bad sender mailbox address syntax</source>
        <translation>неверный синтаксис адреса отправителя</translation>
    </message>
    <message>
        <source>fix the From address</source>
        <translation>исправьте адрес в поле «От»</translation>
    </message>
    <message>
        <source>bad sender system address</source>
        <translation>неверный адрес системы отправителя</translation>
    </message>
    <message>
        <source>use a From address whose domain accepts mail</source>
        <translation>используйте адрес «От», домен которого принимает почту</translation>
    </message>
    <message>
        <source>message relayed to a non-compliant mailer</source>
        <translation>письмо передано несовместимой почтовой системе</translation>
    </message>
    <message>
        <source>recipient domain accepts no mail (null MX)</source>
        <translation>домен получателя не принимает почту (нулевая MX)</translation>
    </message>
    <message>
        <source>the domain never receives mail: use another address</source>
        <translation>этот домен никогда не получает почту: используйте другой адрес</translation>
    </message>
    <message>
        <source>other or undefined mailbox status</source>
        <translation>прочий или неопределённый статус почтового ящика</translation>
    </message>
    <message>
        <source>mailbox disabled, not accepting messages</source>
        <translation>почтовый ящик отключён и не принимает письма</translation>
    </message>
    <message>
        <source>reach the recipient another way</source>
        <translation>свяжитесь с получателем иначе</translation>
    </message>
    <message>
        <source>mailbox full</source>
        <translation>почтовый ящик переполнен</translation>
    </message>
    <message>
        <source>the recipient must make room</source>
        <translation>получатель должен освободить место</translation>
    </message>
    <message>
        <source>message longer than the mailbox allows</source>
        <translation>письмо больше, чем допускает почтовый ящик</translation>
    </message>
    <message>
        <source>make the message smaller</source>
        <translation>уменьшите письмо</translation>
    </message>
    <message>
        <source>mailing list expansion problem</source>
        <translation>ошибка раскрытия списка рассылки</translation>
    </message>
    <message>
        <source>tell the list&apos;s owner</source>
        <translation>сообщите владельцу списка</translation>
    </message>
    <message>
        <source>other or undefined mail system status</source>
        <translation>прочий или неопределённый статус почтовой системы</translation>
    </message>
    <message>
        <source>mail system full</source>
        <translation>почтовая система переполнена</translation>
    </message>
    <message>
        <source>the server is out of space</source>
        <translation>на сервере закончилось место</translation>
    </message>
    <message>
        <source>system not accepting network messages</source>
        <translation>система не принимает сетевые сообщения</translation>
    </message>
    <message>
        <source>the server is shutting down or in maintenance</source>
        <translation>сервер выключается или на обслуживании</translation>
    </message>
    <message>
        <source>system not capable of the selected features</source>
        <translation>система не поддерживает выбранные возможности</translation>
    </message>
    <message>
        <source>send without the feature the server lacks</source>
        <translation>отправьте без возможности, которой нет у сервера</translation>
    </message>
    <message>
        <source>message too big for the system</source>
        <translation>письмо слишком велико для системы</translation>
    </message>
    <message>
        <source>system incorrectly configured</source>
        <translation>система неправильно настроена</translation>
    </message>
    <message>
        <source>tell the server&apos;s administrator</source>
        <translation>сообщите администратору сервера</translation>
    </message>
    <message>
        <source>requested priority was changed</source>
        <translation>запрошенный приоритет изменён</translation>
    </message>
    <message>
        <source>other or undefined network or routing status</source>
        <translation>прочий или неопределённый статус сети или маршрутизации</translation>
    </message>
    <message>
        <source>no answer from the next host</source>
        <translation>нет ответа от следующего узла</translation>
    </message>
    <message>
        <source>bad connection</source>
        <translation>плохое соединение</translation>
    </message>
    <message>
        <source>directory server (e.g. DNS) failure</source>
        <translation>сбой сервера каталогов (например, DNS)</translation>
    </message>
    <message>
        <source>unable to route</source>
        <translation>маршрутизация невозможна</translation>
    </message>
    <message>
        <source>mail system congestion</source>
        <translation>перегрузка почтовой системы</translation>
    </message>
    <message>
        <source>routing loop detected</source>
        <translation>обнаружена петля маршрутизации</translation>
    </message>
    <message>
        <source>delivery time expired</source>
        <translation>срок доставки истёк</translation>
    </message>
    <message>
        <source>other or undefined protocol status</source>
        <translation>прочий или неопределённый статус протокола</translation>
    </message>
    <message>
        <source>invalid command</source>
        <translation>недопустимая команда</translation>
    </message>
    <message>
        <source>the server does not know or allow this command here</source>
        <translation>сервер не знает эту команду или не разрешает её здесь</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>синтаксическая ошибка</translation>
    </message>
    <message>
        <source>the command was malformed</source>
        <translation>команда искажена</translation>
    </message>
    <message>
        <source>too many recipients</source>
        <translation>слишком много получателей</translation>
    </message>
    <message>
        <source>send to fewer recipients per message</source>
        <translation>отправляйте письмо меньшему числу получателей за раз</translation>
    </message>
    <message>
        <source>invalid command arguments</source>
        <translation>недопустимые аргументы команды</translation>
    </message>
    <message>
        <source>check the command&apos;s parameters</source>
        <translation>проверьте параметры команды</translation>
    </message>
    <message>
        <source>wrong protocol version</source>
        <translation>неверная версия протокола</translation>
    </message>
    <message>
        <source>authentication exchange line too long</source>
        <translation>слишком длинная строка обмена аутентификации</translation>
    </message>
    <message>
        <source>other or undefined media error</source>
        <translation>прочая или неопределённая ошибка формата содержимого</translation>
    </message>
    <message>
        <source>media not supported</source>
        <translation>формат содержимого не поддерживается</translation>
    </message>
    <message>
        <source>send the content in another form</source>
        <translation>отправьте содержимое в другом виде</translation>
    </message>
    <message>
        <source>conversion required and prohibited</source>
        <translation>требуется преобразование, но оно запрещено</translation>
    </message>
    <message>
        <source>conversion required but not supported</source>
        <translation>требуется преобразование, но оно не поддерживается</translation>
    </message>
    <message>
        <source>conversion with loss performed</source>
        <translation>выполнено преобразование с потерями</translation>
    </message>
    <message>
        <source>conversion failed</source>
        <translation>преобразование не удалось</translation>
    </message>
    <message>
        <source>message content not available</source>
        <translation>содержимое письма недоступно</translation>
    </message>
    <message>
        <source>non-ASCII addresses not permitted</source>
        <translation>адреса не из ASCII не допускаются</translation>
    </message>
    <message>
        <source>use an ASCII address</source>
        <translation>используйте адрес в ASCII</translation>
    </message>
    <message>
        <source>UTF-8 reply required but not permitted by the client</source>
        <translation>требуется ответ в UTF-8, но клиент его не допускает</translation>
    </message>
    <message>
        <source>UTF-8 headers cannot be transferred to the recipient</source>
        <translation>заголовки в UTF-8 невозможно передать получателю</translation>
    </message>
    <message>
        <source>use ASCII addresses and headers</source>
        <translation>используйте адреса и заголовки в ASCII</translation>
    </message>
    <message>
        <source>other or undefined security status</source>
        <translation>прочий или неопределённый статус безопасности</translation>
    </message>
    <message>
        <source>delivery not authorized, message refused</source>
        <translation>доставка не разрешена, письмо отклонено</translation>
    </message>
    <message>
        <source>log in, or check that you may send from and to these addresses</source>
        <translation>войдите или проверьте, что вам можно отправлять с этих адресов и на эти адреса</translation>
    </message>
    <message>
        <source>mailing list expansion prohibited</source>
        <translation>раскрытие списка рассылки запрещено</translation>
    </message>
    <message>
        <source>security conversion required but not possible</source>
        <translation>требуется преобразование защиты, но оно невозможно</translation>
    </message>
    <message>
        <source>security features not supported</source>
        <translation>возможности защиты не поддерживаются</translation>
    </message>
    <message>
        <source>cryptographic failure</source>
        <translation>криптографическая ошибка</translation>
    </message>
    <message>
        <source>cryptographic algorithm not supported</source>
        <translation>криптографический алгоритм не поддерживается</translation>
    </message>
    <message>
        <source>message integrity failure</source>
        <translation>нарушена целостность письма</translation>
    </message>
    <message>
        <source>authentication credentials invalid</source>
        <translation>неверные учётные данные</translation>
    </message>
    <message>
        <source>check the user name and password</source>
        <translation>проверьте имя пользователя и пароль</translation>
    </message>
    <message>
        <source>authentication mechanism too weak</source>
        <translation>механизм аутентификации слишком слаб</translation>
    </message>
    <message>
        <source>choose a stronger authentication mechanism</source>
        <translation>выберите более надёжный механизм аутентификации</translation>
    </message>
    <message>
        <source>encryption needed</source>
        <translation>требуется шифрование</translation>
    </message>
    <message>
        <source>use TLS (STARTTLS or implicit TLS)</source>
        <translation>используйте TLS (STARTTLS или неявный TLS)</translation>
    </message>
    <message>
        <source>encryption required for this authentication mechanism</source>
        <translation>для этого механизма аутентификации требуется шифрование</translation>
    </message>
    <message>
        <source>use TLS before authenticating</source>
        <translation>включите TLS перед аутентификацией</translation>
    </message>
    <message>
        <source>a password transition is needed</source>
        <translation>требуется смена пароля</translation>
    </message>
    <message>
        <source>log in once with a plain mechanism over TLS</source>
        <translation>войдите один раз простым механизмом через TLS</translation>
    </message>
    <message>
        <source>user account disabled</source>
        <translation>учётная запись пользователя отключена</translation>
    </message>
    <message>
        <source>ask the provider to enable the account</source>
        <translation>попросите провайдера включить учётную запись</translation>
    </message>
    <message>
        <source>trust relationship required</source>
        <translation>требуются доверительные отношения</translation>
    </message>
    <message>
        <source>priority level too low</source>
        <translation>слишком низкий уровень приоритета</translation>
    </message>
    <message>
        <source>message too big for the requested priority</source>
        <translation>письмо слишком велико для запрошенного приоритета</translation>
    </message>
    <message>
        <source>mailbox owner has changed</source>
        <translation>владелец почтового ящика сменился</translation>
    </message>
    <message>
        <source>domain owner has changed</source>
        <translation>владелец домена сменился</translation>
    </message>
    <message>
        <source>RRVS test cannot be completed</source>
        <translation>проверку RRVS выполнить невозможно</translation>
    </message>
    <message>
        <source>no passing DKIM signature found</source>
        <translation>не найдено ни одной проходящей проверку подписи DKIM</translation>
    </message>
    <message>
        <source>send through the server of the From domain</source>
        <translation>отправляйте через сервер домена из поля «От»</translation>
    </message>
    <message>
        <source>no acceptable DKIM signature found</source>
        <translation>не найдено ни одной приемлемой подписи DKIM</translation>
    </message>
    <message>
        <source>no valid author-matched DKIM signature found</source>
        <translation>не найдено действительной подписи DKIM, совпадающей с автором</translation>
    </message>
    <message>
        <source>SPF validation failed</source>
        <translation>проверка SPF не пройдена</translation>
    </message>
    <message>
        <source>send through a server the sender&apos;s domain allows</source>
        <translation>отправляйте через сервер, разрешённый доменом отправителя</translation>
    </message>
    <message>
        <source>SPF validation error</source>
        <translation>ошибка проверки SPF</translation>
    </message>
    <message>
        <source>reverse DNS validation failed</source>
        <translation>проверка обратной зоны DNS не пройдена</translation>
    </message>
    <message>
        <source>send through a server with proper reverse DNS</source>
        <translation>отправляйте через сервер с правильной обратной записью DNS</translation>
    </message>
    <message>
        <source>multiple authentication checks failed</source>
        <translation>не пройдено несколько проверок подлинности</translation>
    </message>
    <message>
        <source>sender address has null MX</source>
        <translation>у адреса отправителя нулевая MX</translation>
    </message>
    <message>
        <source>REQUIRETLS support required</source>
        <translation>требуется поддержка REQUIRETLS</translation>
    </message>
    <message>
        <source>positive completion</source>
        <translation>успешное завершение</translation>
    </message>
    <message>
        <source>positive intermediate: the server waits for more</source>
        <translation>промежуточный успех: сервер ждёт продолжения</translation>
    </message>
    <message>
        <source>temporary failure</source>
        <translation>временная ошибка</translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation>окончательная ошибка</translation>
    </message>
    <message>
        <source>hello accepted; the lines that follow name the extensions the server supports</source>
        <translation>приветствие принято; следующие строки называют расширения, которые поддерживает сервер</translation>
    </message>
    <message>
        <source>hello accepted (no extensions with HELO)</source>
        <translation>приветствие принято (с HELO расширений нет)</translation>
    </message>
    <message>
        <source>sender accepted</source>
        <translation>отправитель принят</translation>
    </message>
    <message>
        <source>recipient accepted</source>
        <translation>получатель принят</translation>
    </message>
    <message>
        <source>message accepted: the server has taken responsibility for delivering it</source>
        <translation>письмо принято: сервер взял на себя ответственность за его доставку</translation>
    </message>
    <message>
        <source>chunk received; the message is accepted only after its LAST chunk</source>
        <translation>фрагмент получен; письмо принимается только после его последнего (LAST) фрагмента</translation>
    </message>
    <message>
        <source>transaction reset</source>
        <translation>транзакция сброшена</translation>
    </message>
    <message>
        <source>still here</source>
        <translation>сервер на месте</translation>
    </message>
    <message>
        <source>ready to start TLS: the TLS handshake follows</source>
        <translation>готов к TLS: далее следует рукопожатие TLS</translation>
    </message>
    <message>
        <source>this recipient was refused (others may still be accepted)</source>
        <translation>этот получатель отклонён (другие ещё могут быть приняты)</translation>
    </message>
    <message>
        <source>the sender was refused, so the message cannot be sent in this transaction</source>
        <translation>отправитель отклонён, поэтому письмо в этой транзакции отправить нельзя</translation>
    </message>
    <message>
        <source>the message was refused after its content was sent</source>
        <translation>письмо отклонено после отправки его содержимого</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>аутентификация не удалась</translation>
    </message>
    <message>
        <source>system status or help reply</source>
        <translation>статус системы или справка</translation>
    </message>
    <message>
        <source>help message for people</source>
        <translation>справка для человека</translation>
    </message>
    <message>
        <source>service ready: the server&apos;s greeting</source>
        <translation>служба готова: приветствие сервера</translation>
    </message>
    <message>
        <source>the server is closing the connection</source>
        <translation>сервер закрывает соединение</translation>
    </message>
    <message>
        <source>authentication succeeded</source>
        <translation>аутентификация прошла успешно</translation>
    </message>
    <message>
        <source>requested action okay, completed</source>
        <translation>запрошенное действие выполнено</translation>
    </message>
    <message>
        <source>user not local; the server will forward the message</source>
        <translation>пользователь не местный; сервер перешлёт письмо</translation>
    </message>
    <message>
        <source>cannot verify the user, but the server will accept the message and try</source>
        <translation>проверить пользователя нельзя, но сервер примет письмо и попробует доставить</translation>
    </message>
    <message>
        <source>authentication challenge: the client must answer (base64)</source>
        <translation>вызов аутентификации: клиент должен ответить (base64)</translation>
    </message>
    <message>
        <source>start sending the message; end it with a line holding only &quot;.&quot;</source>
        <translation>начинайте отправку письма; завершите его строкой из одной «.»</translation>
    </message>
    <message>
        <source>service not available: the server is closing the connection</source>
        <translation>служба недоступна: сервер закрывает соединение</translation>
    </message>
    <message>
        <source>mailbox unavailable for now (busy or temporarily blocked)</source>
        <translation>почтовый ящик сейчас недоступен (занят или временно заблокирован)</translation>
    </message>
    <message>
        <source>local error in processing: the server had a problem</source>
        <translation>локальная ошибка обработки: у сервера возникла проблема</translation>
    </message>
    <message>
        <source>insufficient system storage, or too many recipients</source>
        <translation>недостаточно места в системе или слишком много получателей</translation>
    </message>
    <message>
        <source>temporary failure: TLS or authentication not available right now</source>
        <translation>временная ошибка: TLS или аутентификация сейчас недоступны</translation>
    </message>
    <message>
        <source>the server cannot accommodate the parameters</source>
        <translation>сервер не может принять эти параметры</translation>
    </message>
    <message>
        <source>syntax error: command unrecognised (or line too long)</source>
        <translation>синтаксическая ошибка: команда не распознана (или строка слишком длинная)</translation>
    </message>
    <message>
        <source>syntax error in the command&apos;s parameters or arguments</source>
        <translation>синтаксическая ошибка в параметрах или аргументах команды</translation>
    </message>
    <message>
        <source>command not implemented</source>
        <translation>команда не реализована</translation>
    </message>
    <message>
        <source>bad sequence of commands</source>
        <translation>неверная последовательность команд</translation>
    </message>
    <message>
        <source>command parameter not implemented</source>
        <translation>параметр команды не реализован</translation>
    </message>
    <message>
        <source>this host does not accept mail</source>
        <translation>этот узел не принимает почту</translation>
    </message>
    <message>
        <source>authentication (or STARTTLS) required first</source>
        <translation>сначала требуется аутентификация (или STARTTLS)</translation>
    </message>
    <message>
        <source>encryption required for the requested authentication mechanism</source>
        <translation>для запрошенного механизма аутентификации требуется шифрование</translation>
    </message>
    <message>
        <source>mailbox unavailable: not found, no access, or refused by policy</source>
        <translation>почтовый ящик недоступен: не найден, нет доступа или отклонено политикой</translation>
    </message>
    <message>
        <source>user not local; the server will not forward</source>
        <translation>пользователь не местный; сервер не станет пересылать письмо</translation>
    </message>
    <message>
        <source>exceeded storage allocation (message too big)</source>
        <translation>превышен выделенный объём (письмо слишком велико)</translation>
    </message>
    <message>
        <source>mailbox name not allowed (bad address syntax)</source>
        <translation>недопустимое имя почтового ящика (неверный синтаксис адреса)</translation>
    </message>
    <message>
        <source>transaction failed (in a greeting: no SMTP service here)</source>
        <translation>транзакция не удалась (в приветствии: здесь нет службы SMTP)</translation>
    </message>
    <message>
        <source>transaction failed</source>
        <translation>транзакция не удалась</translation>
    </message>
    <message>
        <source>MAIL FROM or RCPT TO parameters not recognised or not implemented</source>
        <translation>параметры MAIL FROM или RCPT TO не распознаны или не реализованы</translation>
    </message>
    <message>
        <source>the recipient&apos;s domain does not accept mail</source>
        <translation>домен получателя не принимает почту</translation>
    </message>
    <message>
        <source>success</source>
        <translation>успех</translation>
    </message>
    <message>
        <source>other</source>
        <translation>прочее</translation>
    </message>
    <message>
        <source>addressing</source>
        <translation>адресация</translation>
    </message>
    <message>
        <source>mailbox</source>
        <translation>почтовый ящик</translation>
    </message>
    <message>
        <source>mail system</source>
        <translation>почтовая система</translation>
    </message>
    <message>
        <source>network and routing</source>
        <translation>сеть и маршрутизация</translation>
    </message>
    <message>
        <source>mail delivery protocol</source>
        <translation>протокол доставки почты</translation>
    </message>
    <message>
        <source>message content or media</source>
        <translation>содержимое или формат письма</translation>
    </message>
    <message>
        <source>security or policy</source>
        <translation>безопасность или политика</translation>
    </message>
    <message>
        <source>unknown subject %1</source>
        <translation>неизвестная тема %1</translation>
    </message>
    <message>
        <source>retry later</source>
        <translation>повторите позже</translation>
    </message>
    <message>
        <source>%1; retry later (the condition may pass)</source>
        <translation>%1; повторите позже (состояние может пройти)</translation>
    </message>
    <message>
        <source>do not retry unchanged</source>
        <translation>не повторяйте без изменений</translation>
    </message>
    <message>
        <source>%1, do not retry</source>
        <translation>%1, не повторяйте</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>; do not retry unchanged</source>
        <translation>; не повторяйте без изменений</translation>
    </message>
    <message>
        <source>; retry later</source>
        <translation>; повторите позже</translation>
    </message>
    <message>
        <source>a header line of the message itself, sent as data</source>
        <translation>строка заголовка самого письма, отправленная как данные</translation>
    </message>
    <message>
        <source>an answer in the authentication exchange (base64)</source>
        <translation>ответ в обмене аутентификации (base64)</translation>
    </message>
    <message>
        <source>%1; from %2</source>
        <translation>%1; из %2</translation>
    </message>
    <message>
        <source>%1; the secret is hidden in the transcript</source>
        <translation>%1; секрет в протоколе скрыт</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>answers %1: %2</source>
        <translation>ответ на %1: %2</translation>
    </message>
    <message>
        <source>an empty challenge: the server waits for the client&apos;s first response</source>
        <translation>пустой вызов: сервер ждёт первого ответа клиента</translation>
    </message>
    <message>
        <source>the challenge, decoded: &quot;%1&quot;; the client answers with the user name and an HMAC-MD5 of this challenge keyed with the password, so the password itself never crosses the wire</source>
        <translation>вызов в раскодированном виде: «%1»; клиент отвечает именем пользователя и HMAC-MD5 этого вызова с паролем в качестве ключа, так что сам пароль никогда не передаётся</translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;, the server asks for the user name (the answer is hidden)</source>
        <translation>раскодировано: «%1», сервер спрашивает имя пользователя (ответ скрыт)</translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;, the server asks for the password (the answer is hidden)</source>
        <translation>раскодировано: «%1», сервер спрашивает пароль (ответ скрыт)</translation>
    </message>
    <message>
        <source>decoded: %1, the server&apos;s reason for refusing the token; the client answers with an empty line to end the exchange</source>
        <translation>раскодировано: %1 — причина, по которой сервер отклонил токен; клиент отвечает пустой строкой, чтобы завершить обмен</translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;</source>
        <translation>раскодировано: «%1»</translation>
    </message>
    <message>
        <source>account</source>
        <translation>учётная запись</translation>
    </message>
    <message>
        <source>envelope sender</source>
        <translation>отправитель в конверте</translation>
    </message>
    <message>
        <source>envelope</source>
        <translation>конверт</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>введено</translation>
    </message>
    <message>
        <source>Bcc is never written into the message: each Bcc address only gets its own RCPT TO in the envelope, so the other recipients cannot see it. The sandbox inbox lists it under RCPT TO as envelope only.</source>
        <translation>Скрытая копия никогда не записывается в само письмо: каждый адрес скрытой копии получает только собственную команду RCPT TO в конверте, поэтому другие получатели его не видят. Входящие песочницы показывают его в RCPT TO как «только в конверте».</translation>
    </message>
    <message>
        <source>Cc is both: a header every recipient sees in the message, and a RCPT TO in the envelope that makes the server deliver a copy.</source>
        <translation>Копия — это и то и другое: заголовок, который видит в письме каждый получатель, и RCPT TO в конверте, по которой сервер доставляет копию.</translation>
    </message>
    <message>
        <source>To is a header the recipients see, and each address also gets a RCPT TO: the server delivers by the envelope alone, never by the headers.</source>
        <translation>«Кому» — заголовок, который видят получатели, и каждый адрес также получает RCPT TO: сервер доставляет только по конверту и никогда по заголовкам.</translation>
    </message>
    <message>
        <source>MAIL FROM (the envelope sender) and the From header may differ. MAIL FROM says where bounces go and is what SPF checks; From is the author the recipient&apos;s program shows, which DMARC checks against. Mailing lists and bounce handlers send with a MAIL FROM of their own.</source>
        <translation>MAIL FROM (отправитель в конверте) и заголовок From могут различаться. MAIL FROM говорит, куда идут уведомления о недоставке, и его проверяет SPF; From — автор, которого показывает программа получателя, и с ним сверяется DMARC. Списки рассылки и обработчики недоставок отправляют со своим собственным MAIL FROM.</translation>
    </message>
    <message>
        <source>Reply-To is only a header inside the message: it tells the recipient&apos;s program where answers should go. No SMTP command carries it, so it never appears in the dialogue as a command.</source>
        <translation>Reply-To — только заголовок внутри письма: он говорит программе получателя, куда отправлять ответы. Ни одна команда SMTP его не передаёт, поэтому в диалоге он никогда не появляется как команда.</translation>
    </message>
    <message>
        <source>← %1</source>
        <translation>← %1</translation>
    </message>
    <message>
        <source>← %1 (%2)</source>
        <translation>← %1 (%2)</translation>
    </message>
    <message>
        <source>SIZE=%1 declares the message size (%2) so the server can refuse early</source>
        <translation>SIZE=%1 объявляет размер письма (%2), чтобы сервер мог отказать заранее</translation>
    </message>
    <message>
        <source>BODY=8BITMIME: the message contains 8-bit bytes</source>
        <translation>BODY=8BITMIME: письмо содержит 8-битные байты</translation>
    </message>
    <message>
        <source>BODY=BINARYMIME: the message contains binary content</source>
        <translation>BODY=BINARYMIME: письмо содержит двоичные данные</translation>
    </message>
    <message>
        <source>BODY=7BIT: plain ASCII content</source>
        <translation>BODY=7BIT: содержимое — обычный ASCII</translation>
    </message>
    <message>
        <source>SMTPUTF8: addresses or headers contain UTF-8</source>
        <translation>SMTPUTF8: адреса или заголовки содержат UTF-8</translation>
    </message>
    <message>
        <source>RET=%1: a delivery notification returns %2</source>
        <translation>RET=%1: уведомление о доставке возвращает %2</translation>
    </message>
    <message>
        <source>the full message</source>
        <translation>письмо целиком</translation>
    </message>
    <message>
        <source>only the headers</source>
        <translation>только заголовки</translation>
    </message>
    <message>
        <source>ENVID: an identifier echoed in delivery notifications</source>
        <translation>ENVID: идентификатор, повторяемый в уведомлениях о доставке</translation>
    </message>
    <message>
        <source>NOTIFY=%1: which delivery notifications to send</source>
        <translation>NOTIFY=%1: какие уведомления о доставке отправлять</translation>
    </message>
    <message>
        <source>ORCPT: the original recipient, for delivery notifications</source>
        <translation>ORCPT: исходный получатель, для уведомлений о доставке</translation>
    </message>
    <message>
        <source>REQUIRETLS: every hop must use TLS</source>
        <translation>REQUIRETLS: на каждом участке пути должен быть TLS</translation>
    </message>
    <message>
        <source>AUTH=: the authenticated submitter</source>
        <translation>AUTH=: аутентифицированный отправитель</translation>
    </message>
    <message>
        <source>%1: a parameter of an extension</source>
        <translation>%1: параметр расширения</translation>
    </message>
    <message>
        <source>extended hello: the client introduces itself as &quot;%1&quot; and asks which extensions the server supports (RFC 5321)</source>
        <translation>расширенное приветствие: клиент представляется как «%1» и спрашивает, какие расширения поддерживает сервер (RFC 5321)</translation>
    </message>
    <message>
        <source>hello without extensions (the original SMTP greeting)</source>
        <translation>приветствие без расширений (исходное приветствие SMTP)</translation>
    </message>
    <message>
        <source>asks to switch this connection to TLS (RFC 3207); after the handshake the client says EHLO again</source>
        <translation>просит перевести это соединение на TLS (RFC 3207); после рукопожатия клиент снова говорит EHLO</translation>
    </message>
    <message>
        <source>user name and password in one base64 message: only safe over TLS</source>
        <translation>имя пользователя и пароль в одном сообщении base64: безопасно только поверх TLS</translation>
    </message>
    <message>
        <source>user name, then password, each base64: only safe over TLS</source>
        <translation>имя пользователя, затем пароль, каждый в base64: безопасно только поверх TLS</translation>
    </message>
    <message>
        <source>challenge-response: the password itself is never sent</source>
        <translation>вызов — ответ: сам пароль никогда не отправляется</translation>
    </message>
    <message>
        <source>an OAuth 2 access token instead of a password</source>
        <translation>токен доступа OAuth 2 вместо пароля</translation>
    </message>
    <message>
        <source>salted challenge-response: both sides prove they know the password</source>
        <translation>вызов — ответ с солью: обе стороны доказывают, что знают пароль</translation>
    </message>
    <message>
        <source>mechanism %1</source>
        <translation>механизм %1</translation>
    </message>
    <message>
        <source>starts authentication (RFC 4954) with %1: %2</source>
        <translation>начинает аутентификацию (RFC 4954) с %1: %2</translation>
    </message>
    <message>
        <source>; the space after &quot;%1&quot; is not in RFC 5321&apos;s grammar: many servers accept it, strict ones refuse it with 501</source>
        <translation>; пробела после «%1» нет в грамматике RFC 5321: многие серверы его принимают, строгие отклоняют с кодом 501</translation>
    </message>
    <message>
        <source>names the envelope sender (where bounces go) and starts a message transaction</source>
        <translation>называет отправителя в конверте (куда идут уведомления о недоставке) и начинает транзакцию письма</translation>
    </message>
    <message>
        <source>names one envelope recipient: To, Cc and Bcc addresses each get a RCPT TO</source>
        <translation>называет одного получателя в конверте: каждый адрес из «Кому», «Копия» и «Скрытая копия» получает свою RCPT TO</translation>
    </message>
    <message>
        <source>asks to send the message; after the server&apos;s 354 the content follows, ended by a line holding only &quot;.&quot;</source>
        <translation>просит разрешения отправить письмо; после ответа сервера 354 следует содержимое, завершаемое строкой из одной «.»</translation>
    </message>
    <message>
        <source>end of the message data: the server now accepts or refuses the message</source>
        <translation>конец данных письма: теперь сервер принимает или отклоняет письмо</translation>
    </message>
    <message>
        <source>sends %1 of message content as one chunk (CHUNKING, RFC 3030)%2</source>
        <translation>отправляет %1 содержимого письма одним фрагментом (CHUNKING, RFC 3030)%2</translation>
    </message>
    <message>
        <source>; LAST: this is the final chunk</source>
        <translation>; LAST: это последний фрагмент</translation>
    </message>
    <message>
        <source>abandons the current transaction; the connection stays open</source>
        <translation>отменяет текущую транзакцию; соединение остаётся открытым</translation>
    </message>
    <message>
        <source>does nothing: checks that the server is still there</source>
        <translation>ничего не делает: проверяет, что сервер ещё на месте</translation>
    </message>
    <message>
        <source>ends the session: the server answers 221 and closes the connection</source>
        <translation>завершает сеанс: сервер отвечает 221 и закрывает соединение</translation>
    </message>
    <message>
        <source>asks whether an address exists (most servers answer 252: won&apos;t say)</source>
        <translation>спрашивает, существует ли адрес (большинство серверов отвечают 252: не скажу)</translation>
    </message>
    <message>
        <source>asks for the members of a mailing list (usually refused)</source>
        <translation>запрашивает участников списка рассылки (обычно отклоняется)</translation>
    </message>
    <message>
        <source>asks for help text</source>
        <translation>запрашивает справку</translation>
    </message>
    <message>
        <source>largest message accepted: %1 (RFC 1870)</source>
        <translation>наибольшее принимаемое письмо: %1 (RFC 1870)</translation>
    </message>
    <message>
        <source>the client may declare the message size; no fixed limit (RFC 1870)</source>
        <translation>клиент может объявить размер письма; фиксированного предела нет (RFC 1870)</translation>
    </message>
    <message>
        <source>several commands may be sent without waiting for each reply (RFC 2920)</source>
        <translation>можно отправлять несколько команд, не дожидаясь ответа на каждую (RFC 2920)</translation>
    </message>
    <message>
        <source>the message may contain 8-bit text (RFC 6152)</source>
        <translation>письмо может содержать 8-битный текст (RFC 6152)</translation>
    </message>
    <message>
        <source>addresses and headers may be UTF-8 (RFC 6531)</source>
        <translation>адреса и заголовки могут быть в UTF-8 (RFC 6531)</translation>
    </message>
    <message>
        <source>the connection can be switched to TLS (RFC 3207)</source>
        <translation>соединение можно перевести на TLS (RFC 3207)</translation>
    </message>
    <message>
        <source>login offered with: %1 (RFC 4954)</source>
        <translation>вход предлагается с механизмами: %1 (RFC 4954)</translation>
    </message>
    <message>
        <source>replies carry class.subject.detail codes such as 5.1.1 (RFC 2034)</source>
        <translation>ответы содержат коды класс.тема.деталь, например 5.1.1 (RFC 2034)</translation>
    </message>
    <message>
        <source>the message may be sent in BDAT chunks instead of DATA (RFC 3030)</source>
        <translation>письмо можно отправлять фрагментами BDAT вместо DATA (RFC 3030)</translation>
    </message>
    <message>
        <source>binary content may be sent with BDAT (RFC 3030)</source>
        <translation>двоичное содержимое можно отправлять через BDAT (RFC 3030)</translation>
    </message>
    <message>
        <source>delivery status notifications can be requested (RFC 3461)</source>
        <translation>можно запросить уведомления о статусе доставки (RFC 3461)</translation>
    </message>
    <message>
        <source>a message can demand TLS on every hop (RFC 8689)</source>
        <translation>письмо может требовать TLS на каждом участке пути (RFC 8689)</translation>
    </message>
    <message>
        <source>a delivery deadline can be set (RFC 2852)</source>
        <translation>можно задать крайний срок доставки (RFC 2852)</translation>
    </message>
    <message>
        <source>a remote host can ask to flush its queue (RFC 1985)</source>
        <translation>удалённый узел может попросить отправить свою очередь (RFC 1985)</translation>
    </message>
    <message>
        <source>addresses can be verified with VRFY</source>
        <translation>адреса можно проверять командой VRFY</translation>
    </message>
    <message>
        <source>mailing lists can be expanded with EXPN</source>
        <translation>списки рассылки можно раскрывать командой EXPN</translation>
    </message>
    <message>
        <source>help text is available with HELP</source>
        <translation>справку можно получить командой HELP</translation>
    </message>
    <message>
        <source>messages can carry a priority (RFC 6710)</source>
        <translation>письма могут иметь приоритет (RFC 6710)</translation>
    </message>
    <message>
        <source>delivery can be held until a later time (RFC 4865)</source>
        <translation>доставку можно отложить до более позднего времени (RFC 4865)</translation>
    </message>
    <message>
        <source>the server announces its limits: %1 (RFC 9422)</source>
        <translation>сервер объявляет свои ограничения: %1 (RFC 9422)</translation>
    </message>
    <message>
        <source>the server asks not to be solicited (RFC 3865)</source>
        <translation>сервер просит не присылать ему рекламу (RFC 3865)</translation>
    </message>
    <message>
        <source>a non-standard extension of this server</source>
        <translation>нестандартное расширение этого сервера</translation>
    </message>
    <message>
        <source>an extension Postwire does not know</source>
        <translation>расширение, которого Postwire не знает</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 ГБ</translation>
    </message>
    <message numerus="yes">
        <source>a binary challenge of %n bytes</source>
        <translation>
            <numerusform>двоичный вызов длиной %n байт</numerusform>
            <numerusform>двоичный вызов длиной %n байта</numerusform>
            <numerusform>двоичный вызов длиной %n байтов</numerusform>
        </translation>
    </message>
    <message>
        <source>decoded: &quot;%1&quot;, the server&apos;s nonce (r=), salt (s=) and iteration count (i=)</source>
        <translation>раскодировано: «%1» — одноразовое число сервера (r=), соль (s=) и число итераций (i=)</translation>
    </message>
    <message>
        <source>detail %1, which is not a registered code</source>
        <translation>незарегистрированный уточняющий код %1</translation>
    </message>
    <message>
        <source>success; the code adds no detail</source>
        <translation>успех; код не добавляет подробностей</translation>
    </message>
    <message>
        <source>temporary failure; the code does not say more about the cause</source>
        <translation>временная ошибка; код не уточняет причину</translation>
    </message>
    <message>
        <source>permanent failure; the code does not say more about the cause</source>
        <translation>окончательная ошибка; код не уточняет причину</translation>
    </message>
    <message>
        <source>%1 concerning %2; the code gives no further detail</source>
        <translation>%1, область: %2; других подробностей код не даёт</translation>
    </message>
</context>
<context>
    <name>SmtpReplyParser</name>
    <message>
        <source>reply line of %1 bytes exceeds the limit of %2</source>
        <translation>строка ответа в %1 байтов превышает предел в %2</translation>
    </message>
    <message>
        <source>reply line longer than %1 bytes without an end</source>
        <translation>строка ответа длиннее %1 байтов без конца</translation>
    </message>
    <message>
        <source>malformed reply line &quot;%1&quot; (expected a 3-digit code)</source>
        <translation>искажённая строка ответа «%1» (ожидается трёхзначный код)</translation>
    </message>
    <message>
        <source>unknown reply code %1 in &quot;%2&quot;</source>
        <translation>неизвестный код ответа %1 в «%2»</translation>
    </message>
    <message>
        <source>reply line &quot;%1&quot; changes the code of a %2 reply</source>
        <translation>строка ответа «%1» меняет код ответа %2</translation>
    </message>
    <message numerus="yes">
        <source>a %1 reply of more than %n lines</source>
        <translation>
            <numerusform>ответ %1 длиннее %n строки</numerusform>
            <numerusform>ответ %1 длиннее %n строк</numerusform>
            <numerusform>ответ %1 длиннее %n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>a %1 reply of more than %2 bytes</source>
        <translation>ответ %1 длиннее %2 байтов</translation>
    </message>
</context>
<context>
    <name>SmtpStep</name>
    <message>
        <source>the line is empty: type a command, or send the planned one as it is</source>
        <translation>строка пуста: наберите команду или отправьте запланированную как есть</translation>
    </message>
    <message>
        <source>a command is one line: CR and LF cannot be part of it (Postwire adds the CRLF that ends it)</source>
        <translation>команда — это одна строка: CR и LF не могут входить в неё (завершающий CRLF Postwire добавляет сам)</translation>
    </message>
    <message>
        <source>a command line is at most %1 octets with its CRLF (RFC 5321 section 4.5.3.1.4); this one has %2</source>
        <translation>командная строка — не больше %1 октетов вместе с CRLF (RFC 5321, раздел 4.5.3.1.4); в этой %2</translation>
    </message>
    <message>
        <source>(credentials hidden)</source>
        <translation>(учётные данные скрыты)</translation>
    </message>
    <message>
        <source>%1; the credentials are hidden here and in the transcript</source>
        <translation>%1; учётные данные скрыты здесь и в протоколе</translation>
    </message>
    <message>
        <source>an answer in the authentication exchange (base64); the credentials are hidden here and in the transcript</source>
        <translation>ответ в обмене аутентификации (base64); учётные данные скрыты здесь и в протоколе</translation>
    </message>
    <message>
        <source>a command Postwire does not know: the server decides what it means</source>
        <translation>команда, которой Postwire не знает: что она значит, решает сервер</translation>
    </message>
    <message>
        <source>%1. Why: %2</source>
        <translation>%1. Зачем: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байта</numerusform>
            <numerusform>%n байтов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 байтов)</translation>
    </message>
    <message>
        <source>The message, %1, goes as one BDAT chunk whose size is announced first (CHUNKING, RFC 3030): the server counts the bytes, so nothing is dot-stuffed and no &quot;.&quot; line ends it.</source>
        <translation>Письмо (%1) уходит одним фрагментом BDAT, размер которого объявляется заранее (CHUNKING, RFC 3030): сервер считает байты, поэтому точки не удваиваются и строка «.» его не завершает.</translation>
    </message>
    <message>
        <source>The message, %1, goes line by line after the 354. Dot-stuffing (RFC 5321 section 4.5.2): every line that begins with &quot;.&quot; gets a second &quot;.&quot; in front, so no line of the text can end the data early; the server removes it again. Then a line holding only &quot;.&quot; ends the message, and the server answers with its verdict.</source>
        <translation>Письмо (%1) уходит строка за строкой после ответа 354. Удвоение точек (RFC 5321, раздел 4.5.2): перед каждой строкой, начинающейся с «.», ставится вторая «.», чтобы ни одна строка текста не завершила данные раньше времени; сервер снова её убирает. Затем строка из одной «.» завершает письмо, и сервер отвечает своим решением.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the lines shown begin with &quot;.&quot; and will be stuffed.</source>
        <translation>
            <numerusform>%n из показанных строк начинается с «.», и точка будет удвоена.</numerusform>
            <numerusform>%n из показанных строк начинаются с «.», и точки будут удвоены.</numerusform>
            <numerusform>%n из показанных строк начинаются с «.», и точки будут удвоены.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmtpTransaction</name>
    <message>
        <source>warning: the message has 8-bit content and the server does not offer 8BITMIME; sending it as it is</source>
        <translation>внимание: в письме 8-битное содержимое, а сервер не предлагает 8BITMIME; письмо отправляется как есть</translation>
    </message>
    <message>
        <source>warning: delivery status notifications were asked for, but the server does not offer DSN; sending without them</source>
        <translation>внимание: запрошены уведомления о статусе доставки, но сервер не предлагает DSN; отправка без них</translation>
    </message>
    <message>
        <source>every recipient was refused, nothing was delivered: %1; the message content had already gone out, pipelined behind the RCPT commands (BDAT … LAST), and could not be held back</source>
        <translation>все получатели отклонены, ничего не доставлено: %1; содержимое письма уже ушло конвейером за командами RCPT (BDAT … LAST), и задержать его было нельзя</translation>
    </message>
    <message>
        <source>every recipient was refused, nothing was sent: %1</source>
        <translation>все получатели отклонены, ничего не отправлено: %1</translation>
    </message>
    <message>
        <source>MAIL FROM &lt;%1&gt; refused: %2</source>
        <translation>MAIL FROM &lt;%1&gt; отклонена: %2</translation>
    </message>
    <message>
        <source>DATA refused: %1</source>
        <translation>DATA отклонена: %1</translation>
    </message>
    <message>
        <source>the message was refused after its content: %1</source>
        <translation>письмо отклонено после отправки содержимого: %1</translation>
    </message>
    <message>
        <source>message accepted: %1</source>
        <translation>письмо принято: %1</translation>
    </message>
    <message>
        <source>message accepted for %1 of %2 recipients: %3</source>
        <translation>письмо принято для %1 из %2 получателей: %3</translation>
    </message>
</context>
<context>
    <name>StepPrompt</name>
    <message>
        <source>Enter sends it, a new line is sent instead, +LINE sends LINE first, #N LINE replaces command N of a group, q stops (QUIT)</source>
        <translation>Enter — отправить как есть, новая строка — отправить её вместо, +СТРОКА — сначала отправить СТРОКУ, #N СТРОКА — заменить команду N в группе, q — остановиться (QUIT)</translation>
    </message>
    <message numerus="yes">
        <source>next: the message content, %n bytes, then &quot;.&quot;</source>
        <translation>
            <numerusform>далее: содержимое письма, %n байт, затем «.»</numerusform>
            <numerusform>далее: содержимое письма, %n байта, затем «.»</numerusform>
            <numerusform>далее: содержимое письма, %n байтов, затем «.»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>next: the message content, %n bytes</source>
        <translation>
            <numerusform>далее: содержимое письма, %n байт</numerusform>
            <numerusform>далее: содержимое письма, %n байта</numerusform>
            <numerusform>далее: содержимое письма, %n байтов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>with it, one pipelined group of %n commands:</source>
        <translation>
            <numerusform>вместе с ним одна конвейерная группа из %n команды:</numerusform>
            <numerusform>вместе с ним одна конвейерная группа из %n команд:</numerusform>
            <numerusform>вместе с ним одна конвейерная группа из %n команд:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>next, one pipelined group of %n commands:</source>
        <translation>
            <numerusform>далее одна конвейерная группа из %n команды:</numerusform>
            <numerusform>далее одна конвейерная группа из %n команд:</numerusform>
            <numerusform>далее одна конвейерная группа из %n команд:</numerusform>
        </translation>
    </message>
    <message>
        <source>with:</source>
        <translation>вместе с ним:</translation>
    </message>
    <message>
        <source>next:</source>
        <translation>далее:</translation>
    </message>
    <message>
        <source>then: .</source>
        <translation>затем: .</translation>
    </message>
</context>
<context>
    <name>Submission</name>
    <message>
        <source>A send or test is already running</source>
        <translation>Отправка или проверка уже идёт</translation>
    </message>
    <message>
        <source>Reading the password from %1…</source>
        <translation>Пароль читается из %1…</translation>
    </message>
    <message>
        <source>The password could not be read from %1: %2</source>
        <translation>Не удалось прочитать пароль из %1: %2</translation>
    </message>
    <message>
        <source>certificate SHA-256 %1 is now trusted for this account</source>
        <translation>сертификат SHA-256 %1 теперь доверенный для этой учётной записи</translation>
    </message>
    <message>
        <source>no OAuth 2 access token: sign in with the provider first (Accounts…, Sign In)</source>
        <translation>нет маркера доступа OAuth 2: сначала войдите у провайдера («Учётные записи…», «Войти»)</translation>
    </message>
</context>
<context>
    <name>TlsTrustDecision</name>
    <message>
        <source>the server&apos;s certificate changed: this account trusts SHA-256 %1, the server presented SHA-256 %2</source>
        <translation>сертификат сервера изменился: эта учётная запись доверяет SHA-256 %1, а сервер предъявил SHA-256 %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <source>TLS certificate not trusted: %1</source>
        <translation>сертификату TLS нет доверия: %1</translation>
    </message>
    <message>
        <source>an older TLS version</source>
        <translation>более старая версия TLS</translation>
    </message>
</context>
<context>
    <name>TranscriptCommand</name>
    <message>
        <source>the greeting</source>
        <translation>приветствие</translation>
    </message>
    <message>
        <source>the end of the message data</source>
        <translation>конец данных письма</translation>
    </message>
    <message>
        <source>the authentication exchange</source>
        <translation>обмен аутентификации</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>postwire: no translation for the language &quot;%1&quot; (available: %2); using English</source>
        <translation>postwire: перевода на язык «%1» нет (доступны: %2); используется английский</translation>
    </message>
    <message>
        <source>Interface language, e.g. ru or en (default: the system&apos;s, LANG/LC_MESSAGES).</source>
        <translation>Язык интерфейса, например ru или en (по умолчанию — системный, LANG/LC_MESSAGES).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A mail composer that shows the wire.

Commands (each has its own --help):
  send      send one message from the command line, printing the SMTP dialogue
  sandbox   run the built-in local SMTP server alone
  console   type a raw SMTP session (lines from stdin), printing the dialogue
  history   the attempts kept: list, show, compare (diff), export, repeat
  probe     check an SMTP server: extensions, TLS, certificate, findings</source>
        <translation>Почтовая программа, которая показывает, что происходит на линии.

Команды (у каждой свой --help):
  send      отправить одно письмо из командной строки, выводя диалог SMTP
  sandbox   запустить только встроенный локальный SMTP-сервер
  console   вести сеанс SMTP вручную (строки со стандартного ввода), выводя диалог
  history   сохранённые попытки: список, просмотр, сравнение (diff), экспорт, повтор
  probe     проверить SMTP-сервер: расширения, TLS, сертификат, замечания</translation>
    </message>
    <message>
        <source>send, sandbox, console, history, probe, or a mailto: URL</source>
        <translation>send, sandbox, console, history, probe или URL mailto:</translation>
    </message>
    <message>
        <source>postwire: unknown command &quot;%1&quot; (commands: send, sandbox, console, history, probe; see --help)</source>
        <translation>postwire: неизвестная команда «%1» (команды: send, sandbox, console, history, probe; см. --help)</translation>
    </message>
    <message>
        <source>postwire: &quot;%1&quot; is not a mailto: URL or a command (see --help)</source>
        <translation>postwire: «%1» — не URL mailto: и не команда (см. --help)</translation>
    </message>
</context>
</TS>
