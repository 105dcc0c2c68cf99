import Foundation

/// What `/login/companyinfo/{companyId}` says about the site.
struct CompanyInfo: Sendable {
    /// The codebase path segment with its trailing slash, e.g. `v2025_1/`.
    let codebase: String
    /// `CompanyName`, when present.
    let companyName: String?
    /// True when the answer had no `Codebase` and the universal `v4_6_release/` is used instead.
    let codebaseDefaulted: Bool

    static let endpoint = "/login/companyinfo"
    static let fallbackCodebase = "v4_6_release/"

    /// Reads company info from the configured origin (no credentials needed or sent).
    static func read(with executor: RequestExecutor) async -> Result<CompanyInfo, ReaderError> {
        let site = executor.configuration.site
        let company = executor.configuration.credentials.companyId
            .addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? ""
        guard let url = URL(string: "\(site.origin)/login/companyinfo/\(company)") else {
            return .failure(.badData(endpoint: endpoint, detail: "could not build the request URL"))
        }
        switch await executor.get(url, endpoint: endpoint, authenticated: false) {
        case .failure(let error): return .failure(error)
        case .success(let response):
            do throws(ReaderError) {
                return .success(try parse(APIObject.object(from: response.body, endpoint: endpoint)))
            } catch { return .failure(error) }
        }
    }

    /// Takes `Codebase` (falling back only when it is absent) and checks it is a plain path segment,
    /// so a server answer can never change where requests go.
    static func parse(_ object: APIObject) throws(ReaderError) -> CompanyInfo {
        let name = object.string("CompanyName")
        guard var codebase = object.string("Codebase")?.trimmingCharacters(in: .whitespaces), !codebase.isEmpty else {
            return CompanyInfo(codebase: fallbackCodebase, companyName: name, codebaseDefaulted: true)
        }
        if codebase.hasPrefix("/") { codebase.removeFirst() }
        if !codebase.hasSuffix("/") { codebase += "/" }
        let segment = codebase.dropLast()
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_.-"))
        guard !segment.isEmpty, segment != ".", segment != "..",
              segment.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
            throw .badData(endpoint: endpoint, detail: "the Codebase \"\(codebase.prefix(40))\" is not a plain path segment")
        }
        return CompanyInfo(codebase: codebase, companyName: name, codebaseDefaulted: false)
    }
}
