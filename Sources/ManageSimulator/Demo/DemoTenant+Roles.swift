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

    static func emailReconnectorNeeds(_ f: Function) -> Levels {
        if f.is("Service Desk", "Service Tickets") || f.is("Project", "Project Tickets") { return .addEdit }
        if f.is("Companies", "Company Maintenance") || f.is("Companies", "Contacts") || f.is("System", "Member Maintenance") { return .inquire }
        return .none
    }

    static func cippNeeds(_ f: Function) -> Levels {
        if f.is("Companies", "Configurations") { return Levels(inquire: "All", add: "None", edit: "All", delete: "None") }
        if f.is("Companies", "Company Maintenance") || f.is("System", "Table Setup") { return .inquire }
        return .none
    }

    static func passportalNeeds(_ f: Function) -> Levels {
        if f.module == "Companies", ["Company Maintenance", "Configurations", "Contacts"].contains(f.name) { return .all }
        if f.is("System", "Table Setup") { return .all }
        // N-able's published list asks for All on member and security administration too.
        if f.is("System", "Member Maintenance") || f.is("System", "Security") { return .all }
        return .none
    }

    static func msp360Needs(_ f: Function) -> Levels {
        if f.is("Service Desk", "Service Tickets") || f.is("Finance", "Agreements") { return .addEdit }
        if f.is("Companies", "Company Maintenance") || f.is("Companies", "Contacts") || f.is("System", "Table Setup")
            || f.is("Procurement", "Products") || f.is("Procurement", "Product Catalog")
        {
            return .inquire
        }
        return .none
    }

    /// `All` add/edit/delete on member and security administration: no integration needs it, so
    /// any tool profile leaves it as excess.
    static func withUserAdministration(_ base: @escaping (Function) -> Levels) -> (Function) -> Levels {
        { f in f.is("System", "Member Maintenance") || f.is("System", "Security") ? .all : base(f) }
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
        let powerUsersExceptions = ["Security", "Member Maintenance", "Accounting Interface", "Billing Reconciliation"]
        return [
            Role.admin: settings(roleId: Role.admin) { _ in .all },
            Role.technician: settings(roleId: Role.technician) { f in
                switch f.module {
                case "Service Desk", "Project", "Time & Expense": return .mine
                case "Companies": return f.name == "Company Finance" ? .none : .addEdit
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
            // Admin-equivalent: 43 of 47 rows grant All on every op; not named Admin, adminFlag false.
            Role.powerUsers: settings(roleId: Role.powerUsers) { f in powerUsersExceptions.contains(f.name) ? .addEdit : .all },
            Role.emailReconnector: settings(roleId: Role.emailReconnector, emailReconnectorNeeds),
            Role.integrations: settings(roleId: Role.integrations, withFinanceAdministration { union(passportalNeeds($0), cippNeeds($0)) }),
            Role.backup: settings(roleId: Role.backup, withUserAdministration(msp360Needs)),
            // The scanner's role: inquire everywhere, plus one edit grant so scanner-key-not-read-only fires.
            Role.readOnly: settings(roleId: Role.readOnly) { f in
                f.is("Service Desk", "Service Tickets") ? Levels(inquire: "All", add: "None", edit: "My", delete: "None") : .inquire
            },
            Role.legacyReporting: settings(roleId: Role.legacyReporting) { f in f.inquireOnly ? .inquire : .none },
            Role.cipp: settings(roleId: Role.cipp, cippNeeds),
            Role.passportal: settings(roleId: Role.passportal, passportalNeeds),
            Role.msp360: settings(roleId: Role.msp360, msp360Needs),
        ]
    }()
}
