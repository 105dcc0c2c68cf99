extension DemoTenant {
    /// Role ids, named so the member table reads clearly.
    enum Role {
        static let admin = 1
        static let technician = 2
        static let finance = 3
        static let sales = 4
        static let powerUsers = 5
        static let emailReconnector = 6
        static let integrations = 7
        static let backup = 8
        static let readOnly = 9
        static let legacyReporting = 10
        static let cipp = 11
        static let passportal = 12
        static let msp360 = 13
        static let hudu = 14
    }

    /// `(id, name, roleType, adminFlag)` of every demo role.
    static let roleList: [(Int, String, String, JSONValue)] = [
        (Role.admin, "Admin", "Admin", true),
        (Role.technician, "Technician", "Custom", false),
        (Role.finance, "Finance", "Custom", nil),
        (Role.sales, "Sales", "Custom", false),
        (Role.powerUsers, "Power Users", "Custom", false),
        (Role.emailReconnector, "API - Email reConnector", "Custom", false),
        (Role.integrations, "API - Integrations", "Custom", false),
        (Role.backup, "API - Backup", "Custom", false),
        (Role.readOnly, "API - Read Only", "Custom", false),
        (Role.legacyReporting, "Legacy Reporting", "Custom", nil),
        (Role.cipp, "API - CIPP", "Custom", false),
        (Role.passportal, "API - Passportal", "Custom", false),
        (Role.msp360, "API - MSP360", "Custom", false),
        (Role.hudu, "API - Hudu", "Custom", false),
    ]

    static func roleName(_ id: Int) -> String {
        roleList.first { $0.0 == id }?.1 ?? "Role \(id)"
    }

    static let securityRoles: [JSONValue] = {
        roleList.map { id, name, roleType, adminFlag in
            [
                "id": .int(id), "name": .string(name), "roleType": .string(roleType), "adminFlag": adminFlag,
                "inactiveFlag": id == Role.legacyReporting ? true : false,
                "_info": ["lastUpdated": "2026-01-15T09:30:00Z", "updatedBy": "jsmith"],
            ]
        }
    }()

    // MARK: - What each tool needs (mirrors rules/tools/*.yml, so the clean members pass)

    /// A grant table: the listed functions at their levels, every other function `None`.
    static func grants(_ rows: [(String, String, Levels)]) -> @Sendable (Function) -> Levels {
        { f in rows.first { f.is($0.0, $0.1) }?.2 ?? .none }
    }

    static func levels(_ inquire: String, _ add: String = "None", _ edit: String = "None", _ delete: String = "None") -> Levels {
        Levels(inquire: inquire, add: add, edit: edit, delete: delete)
    }

    /// Email reConnector as registered with `features: [activities]`: its optional user-import row
    /// (System > Member Maintenance) is not granted.
    static let emailReconnectorNeeds: @Sendable (Function) -> Levels = grants([
        ("Companies", "Company Maintenance", .inquire), ("Companies", "Contacts", .inquire),
        ("Companies", "CRM/Sales Activities", levels("All", "All")), ("Companies", "Manage Attachments", levels("All", "All")),
        ("Service Desk", "Service Tickets", levels("All", "All")), ("System", "API Reports", .inquire),
        ("System", "Table Setup", .inquire),
    ])

    static let cippNeeds: @Sendable (Function) -> Levels = grants([
        ("Companies", "Company Maintenance", .inquire), ("Companies", "Configurations", levels("All", "None", "All")),
        ("System", "Table Setup", .inquire),
    ])

    /// N-able's published list asks for All on member administration too (and on a "Security"
    /// function this PSA names Security Roles: the profile row matches nothing, a coverage caveat).
    static let passportalNeeds: @Sendable (Function) -> Levels = grants([
        ("Companies", "Company Maintenance", .all), ("Companies", "Configurations", .all), ("Companies", "Contacts", .all),
        ("System", "Member Maintenance", .all), ("System", "Table Setup", .all),
    ])

    static let msp360Needs: @Sendable (Function) -> Levels = grants([
        ("System", "Table Setup", .inquire), ("Companies", "Company Maintenance", .inquire), ("Companies", "Contacts", .inquire),
        ("Service Desk", "Close Service Tickets", levels("All", "None", "All")), ("Service Desk", "Service Tickets", .addEdit),
        ("Finance", "Agreements", .addEdit), ("Finance", "Company Finance", .addEdit), ("Procurement", "Product Catalog", .inquire),
        ("Procurement", "Products", .inquire), ("Procurement", "Product Billable Option", .addEdit),
    ])

    /// Hudu's list includes Companies > Configuration - Display Passwords (inquire).
    static let huduNeeds: @Sendable (Function) -> Levels = grants([
        ("Companies", "Company Maintenance", .addEdit), ("Companies", "Configuration - Display Passwords", .inquire),
        ("Companies", "Configurations", .addEdit), ("Companies", "Contacts", .addEdit), ("Service Desk", "Service Tickets", .inquire),
        ("System", "API Reports", .addEdit), ("System", "Member Maintenance", .inquire), ("System", "Table Setup", .inquire),
        ("Finance", "Agreements", .inquire),
    ])

    /// `All` add/edit/delete on member and security administration: no integration needs it, so
    /// any tool profile leaves it as excess.
    static func withUserAdministration(_ base: @escaping (Function) -> Levels) -> (Function) -> Levels {
        { f in f.is("System", "Member Maintenance") || f.is("System", "Security Roles") ? .all : base(f) }
    }

    /// `All` on invoicing and the accounting interface: neither Passportal nor CIPP needs finance
    /// access, so the shared Integrations member shows it as excess over the union of its tools.
    static func withFinanceAdministration(_ base: @escaping (Function) -> Levels) -> (Function) -> Levels {
        { f in f.is("Finance", "Invoicing") || f.is("Finance", "Accounting Interface") ? .all : base(f) }
    }

    static func union(_ a: Levels, _ b: Levels) -> Levels {
        let rank: (String?) -> Int = { ["None": 0, "My": 1, "All": 2][$0 ?? "None"] ?? 0 }
        let pick: (String?, String?) -> String? = { rank($0) >= rank($1) ? $0 : $1 }
        return Levels(inquire: pick(a.inquire, b.inquire), add: pick(a.add, b.add), edit: pick(a.edit, b.edit), delete: pick(a.delete, b.delete))
    }

    // MARK: - Settings per role

    static let roleSettings: [Int: [JSONValue]] = {
        let powerUsersExceptions = ["Security Roles", "Member Maintenance", "Accounting Interface", "Billing Reconciliation"]
        return [
            Role.admin: settings(roleId: Role.admin) { _ in .all },
            Role.technician: settings(roleId: Role.technician) { f in
                switch f.module {
                case "Service Desk", "Project", "Time & Expense": return .mine
                case "Companies": return f.name == "Configuration - Display Passwords" ? .none : .addEdit
                case "System": return f.name == "My Account" ? .addEdit : .none
                default: return f.inquireOnly ? .inquire : .none
                }
            },
            Role.finance: settings(roleId: Role.finance) { f in
                ["Finance", "Procurement", "Time & Expense"].contains(f.module) ? .all : (f.module == "Companies" ? .inquire : .none)
            },
            Role.sales: settings(roleId: Role.sales) { f in
                ["Sales", "Marketing"].contains(f.module) ? .all : (f.module == "Companies" ? .addEdit : .none)
            },
            // Admin-equivalent: 73 of 77 rows grant All on every op; not named Admin, adminFlag false.
            Role.powerUsers: settings(roleId: Role.powerUsers) { f in powerUsersExceptions.contains(f.name) ? .addEdit : .all },
            Role.emailReconnector: settings(roleId: Role.emailReconnector, emailReconnectorNeeds),
            Role.integrations: settings(roleId: Role.integrations, withFinanceAdministration { union(passportalNeeds($0), cippNeeds($0)) }),
            Role.backup: settings(roleId: Role.backup, withUserAdministration(msp360Needs)),
            // The scanner's role: inquire everywhere, plus one edit grant so scanner-key-not-read-only fires.
            // Stored passwords stay None: an audit key never needs to display them.
            Role.readOnly: settings(roleId: Role.readOnly) { f in
                if f.is("Companies", "Configuration - Display Passwords") { return .none }
                return f.is("Service Desk", "Service Tickets") ? Levels(inquire: "All", add: "None", edit: "My", delete: "None") : .inquire
            },
            Role.legacyReporting: settings(roleId: Role.legacyReporting) { f in f.inquireOnly ? .inquire : .none },
            Role.cipp: settings(roleId: Role.cipp, cippNeeds),
            Role.passportal: settings(roleId: Role.passportal, passportalNeeds),
            Role.msp360: settings(roleId: Role.msp360, msp360Needs),
            Role.hudu: settings(roleId: Role.hudu, huduNeeds),
        ]
    }()
}
