import Foundation

/// An exact fraction parsed from a decimal string (`0.9` → 9/10), so thresholds compare without
/// floating-point rounding: 9 of 10 rows meets a 0.9 threshold exactly.
public struct Rational: Sendable, Hashable, CustomStringConvertible {
    /// Numerator and denominator (denominator a power of ten, > 0).
    public let numerator: Int, denominator: Int
    /// The text as written.
    public let text: String

    /// Parses a plain decimal like `1`, `0.9`, `.75`; at most 9 fractional digits.
    public init?(decimal text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard !trimmed.isEmpty, fraction.count <= 9, whole.count <= 9,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || !fraction.isEmpty,
              let w = Int(whole) else { return nil }
        var denominator = 1
        for _ in fraction { denominator *= 10 }
        numerator = w * denominator + (Int(fraction) ?? 0)
        self.denominator = denominator
        self.text = trimmed
    }

    /// True when `count / total ≥ self`, compared by cross-multiplication.
    public func isMet(count: Int, of total: Int) -> Bool {
        total > 0 && count * denominator >= numerator * total
    }

    /// The decimal as written.
    public var description: String { text }
}
