import FoundationEssentials

/// A YAML node that knows its file, so every schema error can name file, line and column.
struct YAMLNode {
    let node: YAMLValue
    let file: String

    /// Parses a whole YAML file.
    static func parse(_ file: DataFile) throws(LoadError) -> YAMLNode {
        var parser = YAMLParser(file: file.path, text: file.text)
        guard let value = try parser.parse() else {
            throw LoadError(file: file.path, line: 1, column: 1, message: "the file is empty")
        }
        return YAMLNode(node: value, file: file.path)
    }

    var line: Int { node.line }
    var column: Int { node.column }

    /// An error located at this node.
    func error(_ message: String) -> LoadError {
        LoadError(file: file, line: line, column: column, message: message)
    }

    subscript(key: String) -> YAMLNode? {
        guard let mapping = node.mapping, let value = mapping.first(where: { $0.key.scalar == key })?.value else {
            return nil
        }
        return YAMLNode(node: value, file: file)
    }

    /// The keys of a mapping, in file order, with their nodes.
    func entries() throws(LoadError) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping (key: value)") }
        var out: [(String, YAMLNode, YAMLNode)] = []
        for (key, value) in mapping {
            guard let name = key.scalar else { throw YAMLNode(node: key, file: file).error("keys must be text") }
            out.append((name, YAMLNode(node: key, file: file), YAMLNode(node: value, file: file)))
        }
        return out
    }

    func list() throws(LoadError) -> [YAMLNode] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.map { YAMLNode(node: $0, file: file) }
    }

    func string() throws(LoadError) -> String {
        guard let scalar = node.scalar else { throw error("expected a text value") }
        return scalar
    }

    func int() throws(LoadError) -> Int {
        guard let scalar = node.scalar,
            let value = Int(
                scalar.utf8.contains(UInt8(ascii: "_"))
                    ? String(decoding: scalar.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self) : scalar
            )
        else {
            throw error("expected a whole number")
        }
        return value
    }

    func double() throws(LoadError) -> Double {
        guard let scalar = node.scalar,
            let value = Double(
                scalar.utf8.contains(UInt8(ascii: "_"))
                    ? String(decoding: scalar.utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self) : scalar
            )
        else {
            throw error("expected a number")
        }
        return value
    }

    /// A list of text values; a single text value is read as a one-item list.
    func strings() throws(LoadError) -> [String] {
        if node.scalar != nil { return [try string()] }
        var out: [String] = []
        for item in try list() { out.append(try item.string()) }
        return out
    }

    /// Requires a key; the error names the key and the mapping's location.
    func required(_ key: String) throws(LoadError) -> YAMLNode {
        guard node.mapping != nil else { throw error("expected a mapping (key: value)") }
        guard let value = self[key] else { throw error("missing required key '\(key)'") }
        return value
    }

    /// Rejects keys outside the allowed set, naming the unknown key where it stands.
    func allowKeys(_ allowed: Set<String>) throws(LoadError) {
        for entry in try entries() where !allowed.contains(entry.key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw entry.keyNode.error("unknown key '\(entry.key)' (expected one of: \(known))")
        }
    }
}

extension YAMLValue {
    var scalar: String? { if case .scalar(let s) = kind { return s } else { return nil } }
    var sequence: [YAMLValue]? { if case .sequence(let s) = kind { return s } else { return nil } }
    var mapping: [(key: YAMLValue, value: YAMLValue)]? {
        if case .mapping(let m) = kind { return m } else { return nil }
    }
}
