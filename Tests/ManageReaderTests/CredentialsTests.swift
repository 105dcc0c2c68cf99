import Foundation
import Testing
@testable import ManageReader

@Suite struct CredentialsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let privateKey: String
        let expected: String?
        let warns: Bool
        var testDescription: String { name }
    }

    static let accepted: [Case] = [
        Case(name: "clean", privateKey: "abcDEF123", expected: "abcDEF123", warns: false),
        Case(name: "one trailing newline from a key file", privateKey: "abcDEF123\n", expected: "abcDEF123", warns: false),
        Case(name: "CRLF from a key file", privateKey: "abcDEF123\r\n", expected: "abcDEF123", warns: false),
        Case(name: "two trailing newlines", privateKey: "abcDEF123\n\n", expected: "abcDEF123", warns: true),
        Case(name: "leading space", privateKey: " abcDEF123", expected: "abcDEF123", warns: true),
        Case(name: "trailing tab", privateKey: "abcDEF123\t", expected: "abcDEF123", warns: true),
        Case(name: "surrounding NBSP", privateKey: "\u{00A0}abcDEF123\u{00A0}", expected: "abcDEF123", warns: true),
        Case(name: "leading BOM", privateKey: "\u{FEFF}abcDEF123", expected: "abcDEF123", warns: true),
    ]

    @Test(arguments: accepted)
    func trimsSurroundingWhitespace(_ testCase: Case) throws {
        let (credentials, warnings) = try Credentials.validated(
            companyId: "acme", publicKey: "PubKey1234", privateKey: testCase.privateKey, clientId: "cid")
        #expect(credentials.privateKey == testCase.expected)
        #expect(warnings.isEmpty == !testCase.warns)
        if testCase.warns {
            #expect(warnings == ["private key: surrounding whitespace was removed; check the value was copied completely"])
        }
    }

    static let refused: [(String, String)] = [
        ("inner space", "abc DEF"), ("inner NBSP", "abc\u{00A0}DEF"), ("zero-width space", "abc\u{200B}DEF"),
        ("zero-width non-joiner", "abc\u{200C}DEF"), ("zero-width joiner", "abc\u{200D}DEF"),
        ("inner BOM", "abc\u{FEFF}DEF"), ("inner newline", "abc\nDEF"), ("inner tab", "abc\tDEF"),
        ("soft hyphen (Cf)", "abc\u{00AD}DEF"), ("em space (Zs)", "abc\u{2003}DEF"), ("bell (Cc)", "abc\u{07}DEF"),
    ]

    @Test(arguments: refused)
    func refusesInnerWhitespaceNamingTheFieldOnly(_ name: String, _ value: String) {
        for field in ["companyId", "publicKey", "privateKey", "clientId"] {
            var values = ["companyId": "acme", "publicKey": "PubKey1234", "privateKey": "secretKey", "clientId": "cid"]
            values[field] = value
            do {
                _ = try Credentials.validated(companyId: values["companyId"]!, publicKey: values["publicKey"]!,
                                              privateKey: values["privateKey"]!, clientId: values["clientId"]!)
                Issue.record("\(name) in \(field) was accepted")
            } catch {
                guard case .invalidCredential(let named, _) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                let expectedName = ["companyId": "company ID", "publicKey": "public key", "privateKey": "private key",
                                    "clientId": "client ID"][field]
                #expect(named == expectedName)
                #expect(error.isUsage)
                #expect(error.exitCode == 64)
                #expect(!error.description.contains("abc"), "the value must never be shown")
            }
        }
    }

    @Test func emptyFieldIsRefused() {
        #expect(throws: ReaderError.invalidCredential(field: "client ID", reason: "it is empty")) {
            try Credentials.validated(companyId: "acme", publicKey: "pk", privateKey: "k", clientId: " \n")
        }
    }

    @Test func maskedPublicKeyShowsFourCharacters() {
        #expect(Fixtures.credentials.maskedPublicKey == "PubK…")
    }

    @Test func renderingsNeverShowSecrets() {
        let credentials = Fixtures.credentials
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in ["\(credentials)", String(reflecting: credentials), dumped] {
            for secret in credentials.secrets { #expect(!text.contains(secret)) }
            #expect(!text.contains(credentials.publicKey))
        }
    }

    @Test func authorizationIsBasicOfCompanyPlusPublicColonPrivate() {
        let expected = "Basic " + Data("acme+PubKey1234:S3cretPrivate!".utf8).base64EncodedString()
        #expect(Fixtures.credentials.authorizationValue == expected)
    }
}
