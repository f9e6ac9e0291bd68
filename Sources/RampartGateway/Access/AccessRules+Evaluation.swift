extension Principal {
    /// The values of an attribute as access rules and kill switches see them: the key's own
    /// attributes, plus `tenant` and `key` (the key id).
    public func values(of attribute: String) -> [String] {
        switch attribute {
        case "tenant": tenant.map { [$0] } ?? attributes["tenant"] ?? []
        case "key": [keyID]
        default: attributes[attribute] ?? []
        }
    }

    /// Whether every listed attribute has one of its listed values.
    func matches(all conditions: [String: [String]]) -> Bool {
        conditions.allSatisfy { attribute, allowed in values(of: attribute).contains(where: allowed.contains) }
    }
}

extension AccessRules {
    /// The first rule that denies `principal`, as the path and reason a denial names.
    public func denial(for principal: Principal, alias: String) -> (rule: String, reason: String)? {
        for (attribute, allowed) in require where !principal.values(of: attribute).contains(where: allowed.contains) {
            let has = principal.values(of: attribute)
            return ("models[\(alias)].access.require.\(attribute)",
                    "it requires \(attribute) to be one of [\(allowed.joined(separator: ", "))], and your key's \(attribute) is \(has.isEmpty ? "not set" : "[\(has.joined(separator: ", "))]")")
        }
        for (attribute, denied) in deny {
            if let match = principal.values(of: attribute).first(where: denied.contains) {
                return ("models[\(alias)].access.deny.\(attribute)", "it denies \(attribute) \(match)")
            }
        }
        return nil
    }
}
