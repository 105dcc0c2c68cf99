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

    /// Modules and functions as named in vendor role matrices (Companies … Time & Expense).
    static let catalog: [Function] = {
        let table: [(String, String, [(String, Bool)])] = [
            ("Companies", "Company", [
                ("Company Maintenance", false), ("Contacts", false), ("Configurations", false), ("Company Finance", false),
                ("Notes", false), ("Team Members", false), ("Manage Attachments", false), ("CRM Reports", true),
            ]),
            ("Finance", "Finance", [
                ("Invoicing", false), ("Agreements", false), ("Agreement Invoicing", false), ("Billing Reconciliation", false),
                ("Accounting Interface", false), ("Finance Reports", true),
            ]),
            ("Marketing", "Marketing", [("Campaigns", false), ("Groups", false), ("Marketing Reports", true)]),
            ("Procurement", "Procurement", [
                ("Purchase Orders", false), ("Products", false), ("Inventory", false), ("Product Catalog", false),
            ]),
            ("Project", "Project", [
                ("Project Manager", false), ("Project Tickets", false), ("Project Templates", false), ("Project Reports", true),
            ]),
            ("Sales", "Sales", [("Opportunities", false), ("Sales Activities", false), ("Sales Orders", false), ("Quotes", false)]),
            ("Service Desk", "ServiceDesk", [
                ("Service Tickets", false), ("Service Ticket Time", false), ("Knowledge Base", false), ("Resource Scheduling", false),
                ("Ticket Templates", false), ("Service Reports", true),
            ]),
            ("System", "System", [
                ("Member Maintenance", false), ("Security", false), ("Table Setup", false), ("My Company", false),
                ("API Reports", true), ("My Account", false), ("Audit Trail", true), ("Report Writer", false),
            ]),
            ("Time & Expense", "TimeExpense", [
                ("Time Entry", false), ("Expense Entry", false), ("Time Sheet Approvals", false), ("Expense Approvals", false),
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
                "moduleFunctionName": .string(function.name),
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
