/// A position in a source file: 1-based line, 1-based column counted in Unicode scalars.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as the user sees it (relative to the folder the command ran in).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A line and column in a file whose path is kept elsewhere: what a question remembers of where
/// its fields are written, at a quarter of a `SourceLocation`'s size (100,000 questions held
/// four paths and a dozen positions each).
struct TextPosition: Sendable, Hashable {
    let line: UInt32
    let column: UInt32

    init(line: Int, column: Int) {
        self.line = UInt32(clamping: line)
        self.column = UInt32(clamping: column)
    }

    init(_ location: SourceLocation) {
        self.init(line: location.line, column: location.column)
    }

    func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: Int(line), column: Int(column))
    }
}
