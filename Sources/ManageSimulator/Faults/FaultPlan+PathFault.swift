extension FaultPlan {
    /// A fault applied to requests whose path matches `pattern`.
    ///
    /// The pattern is compared case-insensitively with the request path (without the query). A
    /// pattern containing `*` is a glob that must match the whole path (`*` matches any run of
    /// characters, `/` included); any other pattern matches as a substring, so `"settings"` hits
    /// every `/system/securityRoles/{id}/settings` request.
    public struct PathFault: Sendable, Equatable {
        /// What the fault does to a matching request.
        public enum Effect: Sendable, Equatable {
            /// Answer with this HTTP status and a ConnectWise-shaped error body.
            case status(Int)
            /// Serve the normal response with its JSON body cut in half (a data error, not a transport error).
            case truncatedBody
        }

        /// The path pattern (substring, or glob with `*`).
        public var pattern: String
        /// The effect on matching requests.
        public var effect: Effect
        /// Apply only to the first `limit` matching requests; `nil` means every one.
        public var limit: Int?
        /// A `Retry-After` header (seconds) to send with a status fault, e.g. for 503.
        public var retryAfterSeconds: Int?

        /// Creates a path fault.
        public init(pattern: String, effect: Effect, limit: Int? = nil, retryAfterSeconds: Int? = nil) {
            self.pattern = pattern
            self.effect = effect
            self.limit = limit
            self.retryAfterSeconds = retryAfterSeconds
        }

        /// Answer matching requests with `status` (e.g. 500 or 403), optionally only `limit` times.
        public static func status(_ status: Int, on pattern: String, limit: Int? = nil, retryAfterSeconds: Int? = nil) -> PathFault {
            PathFault(pattern: pattern, effect: .status(status), limit: limit, retryAfterSeconds: retryAfterSeconds)
        }

        /// Truncate the JSON body of matching requests, optionally only `limit` times.
        public static func truncatedBody(on pattern: String, limit: Int? = nil) -> PathFault {
            PathFault(pattern: pattern, effect: .truncatedBody, limit: limit)
        }

        /// Whether the fault applies to a request path (query excluded).
        public func matches(path: String) -> Bool {
            let path = path.lowercased()
            let pattern = pattern.lowercased()
            // Companyinfo is the unauthenticated bootstrap call; a broad pattern such as "*" must
            // not break it by accident.
            if path.hasPrefix("/login/"), !pattern.contains("companyinfo"), !pattern.contains("login") { return false }
            guard pattern.contains("*") else { return path.contains(pattern) }
            return Self.glob(Array(pattern.utf8)[...], Array(path.utf8)[...])
        }

        private static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
            guard let head = pattern.first else { return text.isEmpty }
            if head == UInt8(ascii: "*") {
                let rest = pattern.dropFirst()
                var suffix = text
                while true {
                    if glob(rest, suffix) { return true }
                    guard !suffix.isEmpty else { return false }
                    suffix = suffix.dropFirst()
                }
            }
            guard let first = text.first, first == head else { return false }
            return glob(pattern.dropFirst(), text.dropFirst())
        }
    }
}
