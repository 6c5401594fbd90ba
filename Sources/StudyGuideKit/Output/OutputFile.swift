/// A file of the generated site: where it goes, what it holds, and what it was made from.
struct OutputFile: Sendable, Equatable {
    var path: PagePath
    var bytes: [UInt8]
    var inputs: OutputInputs
    /// What a page was made from, when the build keeps a ledger of its outputs (`OutputLedger`).
    var fingerprint: OutputLedger.Fingerprint?

    init(path: PagePath, bytes: [UInt8], inputs: OutputInputs = .init()) {
        self.path = path
        self.bytes = bytes
        self.inputs = inputs
    }

    init(path: PagePath, text: String, inputs: OutputInputs = .init()) {
        self.init(path: path, bytes: Array(text.utf8), inputs: inputs)
    }
}
