extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Case-insensitive equality (ConnectWise compares field and parameter names this way).
    func caseInsensitiveEquals(_ other: String) -> Bool {
        self.lowercased() == other.lowercased()
    }
}
