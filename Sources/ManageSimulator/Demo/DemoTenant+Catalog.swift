extension DemoTenant {
    /// One module function as the settings endpoint lists it for every role.
    struct Function: Sendable {
        var module: String
        var moduleIdentifier: String
        var name: String
        var identifier: String
        /// Report-style functions have only an inquire level; add/edit/delete are null.
        var inquireOnly: Bool = false

        func `is`(_ module: String, _ name: String) -> Bool { self.module == module && self.name == name }

        /// `moduleFunctionName` as served. Client libraries cap it at 10 characters; the demo
        /// serves one function that way (the screen label only in `moduleFunctionDescription`),
        /// so matching by description is exercised end to end.
        var apiName: String { name == "Configuration - Display Passwords" ? String(name.prefix(10)) : name }
    }

    /// The four levels of one settings row; `nil` is JSON null. Only the vendor enum
    /// (`None`, `My`, `All`) or null ever appears.
    struct Levels: Sendable {
        var inquire: String?
        var add: String?
        var edit: String?
        var delete: String?

        static let none = Levels(inquire: "None", add: "None", edit: "None", delete: "None")
        static let all = Levels(inquire: "All", add: "All", edit: "All", delete: "All")
        static let inquire = Levels(inquire: "All", add: "None", edit: "None", delete: "None")
        static let addEdit = Levels(inquire: "All", add: "All", edit: "All", delete: "None")
        static let mine = Levels(inquire: "All", add: "My", edit: "My", delete: "None")
    }

    /// Modules and functions as the Security Roles screen names them (ConnectWise's role matrix, as
    /// collected in `reference/vendor-role-requirements.md` §2.2): 77 functions in 9 modules.
    static let catalog: [Function] = {
        let table: [(String, String, [(String, Bool)])] = [
            ("Companies", "Company", [
                ("Company Maintenance", false), ("Company/Contact Group Maintenance", false),
                ("Configuration - Display Passwords", false), ("Configurations", false), ("Contacts", false),
                ("CRM/Sales Activities", false), ("Import Contacts", false), ("Manage Attachments", false),
                ("Management", false), ("Notes", false), ("Reports", true), ("Surveys", false), ("Team Members", false),
                ("Tracks", false), ("UserCentric", false),
            ]),
            ("Finance", "Finance", [
                ("Accounting Interface", false), ("Agreement Invoicing", false), ("Agreement Sales", false),
                ("Agreements", false), ("Billing Rate Maintenance", false), ("Billing Reconciliation", false),
                ("Billing View Time", false), ("Company Finance", false), ("Expense Reimbursements", false),
                ("Financial Dashboard", true), ("Invoice Approval", false), ("Invoicing", false), ("Reports", true),
            ]),
            ("Marketing", "Marketing", [
                ("ConnectWise Campaign", false), ("Marketing Groups", false), ("Marketing Management", false),
                ("Marketing Reports", true),
            ]),
            ("Procurement", "Procurement", [
                ("Inventory Adjustments", false), ("Inventory Transfers", false), ("Product Catalog", false),
                ("Products", false), ("Product Billable Option", false), ("Purchase Orders", false),
            ]),
            ("Project", "Project", [
                ("Close Project Tickets", false), ("Close Projects", false), ("Project Contacts", false),
                ("Project Finance", false), ("Project Headers", false), ("Project Management", false),
                ("Project Notes", false), ("Project Phase", false), ("Project Product", false),
                ("Project Scheduling", false), ("Project Teams", false), ("Project Templates", false),
                ("Project Ticket - Dependencies", false), ("Project Ticket Tasks", false), ("Project Tickets", false),
            ]),
            ("Sales", "Sales", [
                ("Opportunity", false), ("Sales Dashboard", true), ("Sales Funnel", false), ("Sales Orders", false),
            ]),
            ("Service Desk", "ServiceDesk", [
                ("Close Service Tickets", false), ("Merge Tickets", false), ("Resource Scheduling", false),
                ("Service Ticket - Dependencies", false), ("Service Tickets", false), ("Service Tickets - Finance", false),
                ("SLA Dashboard", true), ("Ticket Templates", false),
            ]),
            ("System", "System", [
                ("API Reports", false), ("Data Import", false), ("Manage Hosted API", false), ("Member Maintenance", false),
                ("My Account", false), ("My Company", false), ("Security Roles", false), ("Table Setup", false),
            ]),
            ("Time & Expense", "TimeExpense", [
                ("Expense Report Entry", false), ("Time Approval", false), ("Time Entry", false),
                ("Time Entry Billable Option", false),
            ]),
        ]
        return table.flatMap { module, moduleIdentifier, functions in
            functions.map { name, inquireOnly in
                Function(
                    module: module, moduleIdentifier: moduleIdentifier, name: name,
                    identifier: name.filter { $0.isLetter || $0.isNumber }, inquireOnly: inquireOnly)
            }
        }
    }()

    /// The settings rows of a role: one per catalog function (as ConnectWise lists every function
    /// for every role), levels chosen by `grant`. Report functions keep add/edit/delete null.
    static func settings(roleId: Int, updatedBy: String = "jsmith", _ grant: (Function) -> Levels) -> [JSONValue] {
        catalog.enumerated().map { index, function in
            let levels = grant(function)
            let level: (String?) -> JSONValue = { $0.map(JSONValue.string) ?? .null }
            return [
                "id": .int(roleId * 1000 + index + 1),
                "inquireLevel": level(levels.inquire),
                "addLevel": function.inquireOnly ? .null : level(levels.add),
                "editLevel": function.inquireOnly ? .null : level(levels.edit),
                "deleteLevel": function.inquireOnly ? .null : level(levels.delete),
                "moduleIdentifier": .string(function.moduleIdentifier),
                "moduleName": .string(function.module),
                "moduleDescription": .string(function.module),
                "moduleFunctionIdentifier": .string(function.identifier),
                "moduleFunctionName": .string(function.apiName),
                "moduleFunctionDescription": .string(function.name),
                "myAllFlag": .bool(!function.inquireOnly),
                "reportFlag": .bool(function.inquireOnly),
                "restrictFlag": false,
                "customFlag": .bool(function.name == "Table Setup"),
                "sortOrder": .int(index + 1),
                "_info": ["lastUpdated": "2026-01-15T09:30:00Z", "updatedBy": .string(updatedBy)],
            ]
        }
    }
}
