/// A response the simulator is about to send: status, extra headers and the JSON body bytes.
struct SimulatorResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    /// A response carried as an error, for `Result`-returning helpers.
    struct Failure: Error {
        var response: SimulatorResponse
    }

    init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A 200 response with a JSON body.
    static func json(_ value: JSONValue, headers: [(String, String)] = []) -> SimulatorResponse {
        SimulatorResponse(status: 200, headers: headers, body: value.encoded())
    }

    /// An error in the ConnectWise `ErrorResponseMessage` shape: `{code, message, errors}`.
    static func error(_ status: Int, code: String, message: String, headers: [(String, String)] = []) -> SimulatorResponse {
        let body: JSONValue = ["code": .string(code), "message": .string(message), "errors": nil]
        return SimulatorResponse(status: status, headers: headers, body: body.encoded())
    }

    /// The ConnectWise-style error `code` conventionally used for a status.
    static func errorCode(for status: Int) -> String {
        switch status {
        case 400: "InvalidObject"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 429: "TooManyRequests"
        case 500...599: "ConnectWiseApi"
        default: "Error"
        }
    }
}
