import Foundation

/// The fast path of reading a role's settings page: straight from the response bytes into
/// ``RoleSetting``s, with no `JSONSerialization` and no casts from `Any` in between.
///
/// Settings pages are nearly every byte a scan reads (a large tenant has 45,000 rows), and the
/// Foundation path spent more time parsing them than the scan spends on anything else but waiting.
/// This path reads only the plain form the API sends: an array of objects whose settings fields
/// are strings (levels too), an integer `id`, or `null`; any other key is skipped once it is seen
/// to be well-formed JSON. Anything else (a level that is a number, a fractional id, a key twice,
/// a syntax error) returns nil, and the page is read the lenient Foundation way
/// (``APIObject/roleSetting()``), which gives what it always gave. A test reads the same pages
/// both ways and compares.
enum RoleSettingsPage {
    /// The rows of a settings page, or nil when the Foundation path should read it.
    static func decode(_ body: Data) -> [RoleSetting]? {
        body.withUnsafeBytes { raw in
            var cursor = JSONCursor(raw.bindMemory(to: UInt8.self))
            var rows: [RoleSetting] = []
            do {
                try cursor.array { (c) throws(JSONCursor.Mismatch) in rows.append(try row(&c)) }
                try cursor.expectEnd()
            } catch {
                return nil
            }
            return rows
        }
    }

    private static func row(_ c: inout JSONCursor) throws(JSONCursor.Mismatch) -> RoleSetting {
        var row = RoleSetting()
        var seen: UInt16 = 0
        func once(_ bit: UInt16) throws(JSONCursor.Mismatch) {
            guard seen & 1 << bit == 0 else { throw JSONCursor.Mismatch() }
            seen |= 1 << bit
        }
        try c.object { (c, key) throws(JSONCursor.Mismatch) in
            switch key {
            case "id": try once(0); row.id = c.null() ? nil : try c.int()
            case "moduleIdentifier": try once(1); row.moduleIdentifier = try text(&c)
            case "moduleName": try once(2); row.moduleName = try text(&c)
            case "moduleDescription": try once(3); row.moduleDescription = try text(&c)
            case "moduleFunctionIdentifier": try once(4); row.moduleFunctionIdentifier = try text(&c)
            case "moduleFunctionName": try once(5); row.moduleFunctionName = try text(&c)
            case "moduleFunctionDescription": try once(6); row.moduleFunctionDescription = try text(&c)
            case "addLevel": try once(7); row.addLevel = PermissionLevel(try text(&c))
            case "editLevel": try once(8); row.editLevel = PermissionLevel(try text(&c))
            case "deleteLevel": try once(9); row.deleteLevel = PermissionLevel(try text(&c))
            case "inquireLevel": try once(10); row.inquireLevel = PermissionLevel(try text(&c))
            default:
                // Unknown keys are ignored as the Foundation path ignores them, but a key the
                // model reads spelled with an escape must not be skipped: the cursor's keys hold
                // no escapes (it throws on one), so every key seen here is its plain self.
                try c.skipValue()
            }
        }
        return row
    }

    /// A string or `null`.
    private static func text(_ c: inout JSONCursor) throws(JSONCursor.Mismatch) -> String? {
        c.null() ? nil : try c.string()
    }
}
