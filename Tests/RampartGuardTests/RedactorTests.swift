import Foundation
import Testing

@testable import RampartGuard

/// A text with one secret in it, the secret as written, and the kind it must be found as.
struct RedactionCase: Sendable, CustomTestStringConvertible {
    var text: String
    var secret: String
    var kind: RedactionFinding.Kind
    var testDescription: String { "\(kind.rawValue): \(text.prefix(60))" }

    init(_ kind: RedactionFinding.Kind, _ secret: String, in template: String) {
        self.kind = kind
        self.secret = secret
        self.text = template.replacingOccurrences(of: "$", with: secret)
    }
}

// Vendor prefixes are split so that secret scanners do not flag these made-up fixtures.
private let jwtToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
    + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
private let pemBody = """
    MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
    VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
    LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo
    9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvre
    """
private let pemBlock = "-----BEGIN RSA PRIVATE KEY-----\n\(pemBody)\n-----END RSA PRIVATE KEY-----"

private let detected: [RedactionCase] = [
    .init(.email, "jane.doe+news@example.co.uk", in: "Contact me at $, thanks."),
    .init(.email, "J.Smith@Mail.Example.ORG", in: "<$> wrote:"),
    .init(.phone, "+1 (555) 123-4567", in: "Call me at $ tomorrow."),
    .init(.phone, "+44 20 7946 0958", in: "Our London office: $."),
    .init(.phone, "+44 (0)20 7946 0958", in: "Tel. $"),
    .init(.phone, "+4915112345678", in: "WhatsApp: $"),
    .init(.phone, "(555) 123-4567", in: "Reach Bob on $ after 5pm."),
    .init(.phone, "555-123-4567", in: "My number is $."),
    .init(.phone, "555.123.4567", in: "Fax $"),
    .init(.phone, "1 555 123 4567", in: "Dial $ from the US."),
    .init(.phone, "030 1234567", in: "Büro Berlin $"),
    .init(.phone, "06 12 34 56 78", in: "Mon portable : $."),
    .init(.phone, "07700 900123", in: "Text $ when you land"),
    .init(.phone, "0049 30 1234567", in: "Aus dem Ausland: $"),
    .init(.phone, "0612345678", in: "mobile: $"),
    .init(.phone, "555 1234", in: "call me on $"),
    .init(.card, "4111 1111 1111 1111", in: "My Visa is $, exp 12/27."),
    .init(.card, "5555-5555-5555-4444", in: "Charge $ please"),
    .init(.card, "378282246310005", in: "Amex: $"),
    .init(.card, "6011111111111117", in: "Discover card $."),
    .init(.card, "2223 0031 2200 3222", in: "Mastercard $"),
    .init(.card, "3530 1113 3330 0000", in: "JCB ($)"),
    .init(.card, "4111 1111 1111 1111", in: "card $ 12/26 cvv 123"),
    .init(.iban, "DE89 3704 0044 0532 0130 00", in: "Please wire it to $ by Friday."),
    .init(.iban, "GB82WEST12345698765432", in: "IBAN: $"),
    .init(.iban, "FR14 2004 1010 0505 0001 3M02 606", in: "Virement sur $."),
    .init(.iban, "NL91ABNA0417164300", in: "rekening $"),
    .init(.apiKey, "sk-" + "proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f", in: "OPENAI_API_KEY=$"),
    .init(.apiKey, "sk-" + "ant-api03-Xy7Kp2Lm9Qr4St6Uv8Wx0Yz1Ab3Cd5Ef7Gh9Ij-AAAA", in: "my key is $ can you check it"),
    .init(.apiKey, "sk-" + "T3BlbkFJa8b7c6d5e4f3g2h1i0j9k8l7m6n5o4p3q2r1s0", in: "openai.api_key = \"$\""),
    .init(.apiKey, "AKIA" + "Z3Q7XK2M9VB4WD8R", in: "aws_access_key_id=$"),
    .init(.apiKey, "ASIA" + "Y5T8RW2N4MC6PL1K", in: "temporary id $ expires soon"),
    .init(.apiKey, "9dQ2+vLx7RkTz0Wm4YbN/8hCp3JfUe6sGa1Ki5Xo", in: "aws_secret_access_key = $"),
    .init(.apiKey, "ghp" + "_Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz", in: "git clone https://$@github.com/org/repo"),
    .init(.apiKey, "github" + "_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCD", in: "GH token: $"),
    .init(.apiKey, "xox" + "b-2048718234-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", in: "SLACK_BOT_TOKEN=$"),
    .init(.apiKey, "AIza" + "SyD4-9x7Qw2Er5Ty8Ui1Op3As6Df9Gh2Jk4", in: "maps key $ in the page"),
    .init(.apiKey, "sk" + "_live_51H8xYz2eZvKYlo2C0123456789abcdef", in: "stripe.api_key = '$'"),
    .init(.apiKey, "rk" + "_live_4eC39HqLyjWDarjtT1zdp7dc", in: "restricted key $"),
    .init(.apiKey, "8f14e45fceea167a5a36dedd4bea2543", in: "curl -H 'Authorization: Bearer $' https://api.example.com"),
    .init(.apiKey, "YWxpY2U6czNjcjN0LXBhc3M=", in: "-H \"Authorization: Basic $\""),
    .init(.apiKey, "3f9a8b7c6d5e4f3a2b1c", in: "api_key=$&user=1"),
    .init(.apiKey, "a8F3kL9pQ2zX7vB4", in: "{\"token\": \"$\"}"),
    .init(.apiKey, "Tr0ub4dor&3x!", in: "PASSWORD=\"$\""),
    .init(.apiKey, "S3cure-Passw0rd", in: "db:\n  password: $\n  host: db"),
    .init(.apiKey, "x9Kq2mWv7Lp4Zt8N", in: "client_secret := \"$\""),
    .init(.apiKey, "Sup3r:s3cret", in: "DATABASE_URL=postgres://admin:$@db.internal:5432/app"),
    .init(.apiKey, "hunter2", in: "clone https://alice:$@git.example.com/repo.git"),
    .init(.jwt, jwtToken, in: "Authorization: Bearer $"),
    .init(.jwt, jwtToken, in: "the cookie was session=$; Path=/"),
    .init(.privateKey, pemBlock, in: "Here is my key:\n$\nWhy does ssh reject it?"),
    .init(.privateKey, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACB7\n-----END OPENSSH PRIVATE KEY-----", in: "cat ~/.ssh/id_ed25519\n$\n"),
    .init(.privateKey, "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----", in: "key = \"$\""),
    .init(.privateKey, "-----BEGIN EC PRIVATE KEY-----\n\(pemBody)", in: "truncated paste:\n$\n\nwhat is this?"),
]

private let ordinary: [String] = [
    "The meeting is on 2024-01-15 at 10:30, or 15.01.2024 / 01/15/2024.",
    "Deadline: 2024-01-15 10:30 UTC; the sprint runs 2024-01-15 to 2024-01-29.",
    "Price: $1,299.99 (was €1.299,00); 3 for 19.99; total 1 234 567 €.",
    "Upgrade from version 1.2.3 to 10.0.19041.1234; see v2.14.1 and 2024.10.15.",
    "Server at 192.168.100.200, gateway 10.0.0.1:8080, DNS 8.8.8.8 and ::1.",
    "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2 are cited.",
    "Order #12345678 shipped; ORD-2024-001234 and invoice INV/2023/0042 are pending.",
    "Your tracking number is 1Z999AA10123456784.",
    "The population was 12 345 678 901 in the table; ranks 100 200 300 400.",
    "Years: 2019 2020 2021 2022; scores 100-200-300; from 1990-2000.",
    "Unix time 1700000000 and 1700000000123 milliseconds.",
    "Request id 123e4567-e89b-12d3-a456-426614174000 failed.",
    "commit a1b2c3d4e5f6a7b8c9d0 and sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "pi is 3.14159265358979 and e is 2.718281828; 48.8566, 2.3522 is Paris.",
    "Call extension 4567 or room 1234; PIN 1234; zip 75008; ext. 12-34; reference 0123456789.",
    "diff: +12345678 -12345678; he scored +15; coordinates +48.8566 +2.3522; 1.800.555.1234",
    "Card ending in 1111; the test number 4111 1111 1111 1112 fails Luhn.",
    "1234 5678 9012 3452 and 7000123456789010 pass Luhn but no issuer starts so.",
    "DE89 3704 0044 0532 0130 01 is a mistyped IBAN; XX12 3456 7890 is not one.",
    "let x = foo(1234567890); let y = 0x7fff5fbff8a0; sleep(86400)",
    "let token = request.headers[\"Authorization\"]\npassword = os.environ[\"DB_PASSWORD\"]",
    "api_key: YOUR_API_KEY\ntoken: <your-token-here>\npassword: ${DB_PASSWORD}\nsecret: changeme123456",
    "{\"max_tokens\": 1024, \"token_count\": 1500, \"temperature\": 0.7}",
    "password: String\nlet apiKey = config.apiKey\nconst token = process.env.API_TOKEN",
    "Use a Bearer token in the Authorization header: Authorization: Bearer <token>.",
    "git@github.com:org/repo.git, user@localhost, icon@2x.png, @Test func works(), @available(iOS 17, *), npm i @scope/pkg@1.2.3",
    "Install scikit with sk-learn-compatible wrappers; task-runner and risk-assessment docs.",
    "chmod 0755 run.sh && sleep 30 && echo $((6 * 7))",
    "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
    "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
    "eyJmb28iOiJiYXIifQ.eyJ4IjoxfQ.abc is not a JWT: its header has no alg.",
    "Ünïcödé tëxt, 日本語のテキスト, emoji 🙂 and numbers ٣٤٥ stay as they are.",
    "[EMAIL_1] wrote to [PHONE_2]; token: [API_KEY_1]; Bearer [JWT_1]",
    "postgres://user:password@localhost/db, https://user:${PASS}@host and mailto:someone-at-example",
]

@Suite struct RedactorTests {
    let redactor = Redactor()

    @Test(arguments: detected)
    func detectsAndReplaces(_ example: RedactionCase) {
        let result = redactor.redact(example.text)
        #expect(!result.text.contains(example.secret), "\(result.text)")
        #expect(result.findings.map(\.kind) == [example.kind], "\(result.text)")
        #expect(result.text.contains(result.findings.first?.placeholder ?? "none"))
    }

    @Test(arguments: ordinary)
    func leavesOrdinaryTextUnchanged(_ text: String) {
        let result = redactor.redact(text)
        #expect(result.text == text)
        #expect(result.findings.isEmpty)
    }

    @Test(arguments: [
        "Visa 4111 1111 1111 1112", "MC 5555-5555-5555-4443", "Amex 378282246310006", "Discover 6011111111111118",
        "IBAN DE89 3704 0044 0532 0130 01", "IBAN GB82WEST12345698765433", "IBAN NL91ABNA0417164301",
        "IBAN DE89 3704 0044 0532 0130 0", "IBAN FR14 2004 1010 0505 0001 3M02 607",
    ])
    func checksumFailuresAreNotRedacted(_ text: String) {
        #expect(redactor.redact(text).findings.isEmpty)
    }

    @Test func luhnAndIssuerChecks() {
        #expect(RedactionScanner.luhn(4_111_111_111_111_111))
        #expect(!RedactionScanner.luhn(4_111_111_111_111_112))
        #expect(RedactionScanner.isPlausibleCard(4_111_111_111_111_111, digits: 16))
        #expect(!RedactionScanner.isPlausibleCard(1_234_567_890_123_452, digits: 16))  // Luhn-valid, no issuer
        #expect(RedactionScanner.isPlausibleCard(378_282_246_310_005, digits: 15))
        #expect(!RedactionScanner.isPlausibleCard(411_111_111_111_116, digits: 15))  // Luhn-valid Visa prefix, wrong length
    }

    @Test func replacesWithNumberedPlaceholdersAndKeepsContext() {
        let text = "Mail ann@example.com or bob@example.org; again: ANN@example.com. Card 4111-1111-1111-1111 = 4111111111111111."
        let result = redactor.redact(text)
        #expect(result.text == "Mail [EMAIL_1] or [EMAIL_2]; again: [EMAIL_1]. Card [CARD_1] = [CARD_1].")
        #expect(result.findings == [
            RedactionFinding(kind: .email, placeholder: "[EMAIL_1]"),
            RedactionFinding(kind: .email, placeholder: "[EMAIL_2]"),
            RedactionFinding(kind: .card, placeholder: "[CARD_1]"),
        ])
    }

    @Test func keepsTheLabelOfAssignedSecrets() {
        let result = redactor.redact("export API_KEY=3f9a8b7c6d5e4f3a2b1c\nDEBUG=1")
        #expect(result.text == "export API_KEY=[API_KEY_1]\nDEBUG=1")
    }

    @Test func mostSpecificMatchWinsOnOverlap() {
        let bearer = redactor.redact("Authorization: Bearer \(jwtToken)")
        #expect(bearer.text == "Authorization: Bearer [JWT_1]")
        let labelled = redactor.redact("token=\(jwtToken)")
        #expect(labelled.findings.map(\.kind) == [.jwt])
        let key = "sk-" + "proj-Ab3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f"
        let assigned = redactor.redact("api_key: \"\(key)\"")
        #expect(assigned.text == "api_key: \"[API_KEY_1]\"")
        #expect(assigned.findings.count == 1)
        let pem = redactor.redact("password=hunter2hunter2 \(pemBlock)")
        #expect(pem.findings.map(\.kind).contains(.privateKey))
        #expect(!pem.text.contains("MIIE"))
    }

    @Test func redactsSeveralKindsInOneText() {
        let text = "Hi, I'm Ana (ana@example.com, +34 612 345 678). Refund to ES91 2100 0418 4502 0005 1332, "
            + "not card 5555 5555 5555 4444. Bearer \(jwtToken)"
        let result = redactor.redact(text)
        #expect(Set(result.findings.map(\.kind)) == [.email, .phone, .iban, .card, .jwt])
        #expect(result.text == "Hi, I'm Ana ([EMAIL_1], [PHONE_1]). Refund to [IBAN_1], not card [CARD_1]. Bearer [JWT_1]")
    }

    @Test func isIdempotent() {
        for example in detected {
            let once = redactor.redact(example.text)
            let twice = redactor.redact(once.text)
            #expect(twice.text == once.text)
            #expect(twice.findings.isEmpty, "\(once.text) -> \(twice.text)")
        }
    }

    @Test func preservesNonASCIITextAroundSecrets() {
        let text = "Écrivez à marie.curie@exemple.fr — merci 🙏\n电话+8613812345678。Überweisung: DE89370400440532013000 ✓"
        let result = redactor.redact(text)
        #expect(result.text == "Écrivez à [EMAIL_1] — merci 🙏\n电话[PHONE_1]。Überweisung: [IBAN_1] ✓")
    }

    @Test func onlyEnabledKindsAreRedacted() {
        let text = "ana@example.com, +34 612 345 678, 4111 1111 1111 1111"
        let result = Redactor(kinds: [.email, .card]).redact(text)
        #expect(result.text == "[EMAIL_1], +34 612 345 678, [CARD_1]")
        #expect(Redactor(kinds: []).redact(text).text == text)
    }

    @Test func handlesEmptyAndTinyTexts() {
        for text in ["", "@", "-", "+", "(", "=", ":", "a@", "@b.c", "-----BEGIN ", "eyJ", "Bearer ", "0", "+1"] {
            #expect(redactor.redact(text).text == text)
        }
    }

    @Test func sixteenKilobytesWithoutSecretsPassThrough() {
        var text = ""
        var round = 0
        while text.utf8.count < 16 * 1024 {
            text += ordinary[round % ordinary.count] + " Paragraph \(round): the quick brown fox, 2024-03-\(round % 28 + 1). "
            round += 1
        }
        let result = redactor.redact(text)
        let unchanged = result.text == text
        #expect(result.findings.isEmpty)
        #expect(unchanged)
    }
}
