/// What a build did: problems found, pages written, and how long each stage took.
public struct BuildReport: Sendable {
    public struct Stage: Sendable {
        public let name: String
        public let seconds: Double
        /// The most memory the process had held by the end of the stage (peak RSS), in bytes.
        public var peakBytes: Int = 0
        /// Processor time of all threads during the stage (user + system): against `seconds`,
        /// how many cores the stage kept busy.
        public var cpuSeconds: Double = 0
        /// How long the stage's work ran on a thread of its own, beside the other stages
        /// (`SideLane`). `seconds` holds only the time the build waited for it, so the stages'
        /// times still add up to the build's; its processor time is in the stages it ran beside.
        public var secondsBeside: Double = 0

        /// This stage and `other`, a later lap of the same stage, as one.
        func adding(_ other: Stage) -> Stage {
            Stage(name: name, seconds: seconds + other.seconds, peakBytes: max(peakBytes, other.peakBytes),
                  cpuSeconds: cpuSeconds + other.cpuSeconds, secondsBeside: secondsBeside + other.secondsBeside)
        }
    }

    public var diagnostics: [Diagnostic] = []
    /// HTML pages written; zero when the build failed.
    public var pagesWritten = 0
    /// All files written, pages and assets.
    public var filesWritten = 0
    public var stages: [Stage] = []
    /// What each written file (by its path in the output) was made from: what an incremental
    /// rebuild reads to find the outputs an edit touches.
    var outputs: [String: OutputInputs] = [:]
    /// The built site, kept for edits shown at once, when `BuildOptions.keepsPreview` asked for it.
    public var preview: LivePreview?
    /// With a cache: bodies taken from it, and bodies rendered (and added to it).
    public var cachedBodies = 0
    /// Question files whose parse came from the cache (`QuestionRecord`), with one.
    public var cachedParses = 0
    public var renderedBodies = 0
    /// Files the output already held with the same bytes, linked instead of written (`UnchangedFiles`).
    public var reusedFiles = 0
    /// Pages and card chunks linked from the previous output without being made, because the
    /// ledger of a build with a cache says they were made from the same files (`OutputLedger`).
    public var keptFiles = 0
    /// With a cache: how many answers the search postings were updated for, when they were
    /// updated from the last build's rather than made again (`PostingsUpdate`); nil when made again.
    public var searchUpdatedAnswers: Int?
    /// The build was cancelled (`BuildContext.cancellation`) and wrote nothing.
    public var cancelled = false
    public var succeeded: Bool { !cancelled && !diagnostics.containsErrors && filesWritten > 0 }
    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}

extension [BuildReport.Stage] {
    /// Adds `stage` to the list, or to the stage of its name already there (a later lap of it).
    mutating func add(_ stage: BuildReport.Stage) {
        guard let index = firstIndex(where: { $0.name == stage.name }) else { return append(stage) }
        self[index] = self[index].adding(stage)
    }
}
