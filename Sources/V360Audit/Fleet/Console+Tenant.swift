extension Console {
    /// This console with every stderr line starting `<tenant>: `, so the logs of tenants read at
    /// the same time can be told apart. Stdout is left as it is.
    func prefixed(forTenant name: String) -> Console {
        var copy = self
        let write = self.write
        let prefix = name + ": "
        copy.write = { stream, text in write(stream, stream == .err ? prefix + text : text) }
        return copy
    }
}
