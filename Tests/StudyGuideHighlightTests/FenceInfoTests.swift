import Testing
@testable import StudyGuideHighlight

@Suite struct FenceInfoTests {
    @Test func readsHugoStyleAttributes() {
        let info = FenceInfo(#"go {linenos=table, hl_lines=[2, "5-7"], linenostart=10}"#)
        #expect(info.language == "go")
        #expect(info.lineNumbers)
        #expect(info.firstLine == 10)
        #expect(info.markedLines == [2 ... 2, 5 ... 7])
    }

    @Test func acceptsAStringOfRangesAndSpacesBetweenAttributes() {
        let info = FenceInfo(#"sql {hl_lines="1 3-4" linenos=false}"#)
        #expect(info.language == "sql")
        #expect(!info.lineNumbers)
        #expect(info.markedLines == [1 ... 1, 3 ... 4])
    }

    @Test func aPlainInfoStringIsOnlyALanguage() {
        let info = FenceInfo("python")
        #expect(info.language == "python")
        #expect(!info.wrapsLines)
    }

    @Test func unreadableValuesAreLeftOut() {
        let info = FenceInfo("js {hl_lines=[x, 9-3, 4], linenostart=-2, colour=red}")
        #expect(info.markedLines == [4 ... 4])
        #expect(info.firstLine == 1)
    }
}
