// libFuzzer entry point: one content file through loading, front-matter decoding and rendering.
// Built only by scripts/fuzz.sh (STUDYGUIDE_FUZZ=1), with -sanitize=fuzzer,address.
import StudyGuideKit

@_cdecl("LLVMFuzzerTestOneInput")
public func studyGuideFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
