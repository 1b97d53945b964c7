@testable import GlassKit
import GlassPlatform
import Testing

/// A data file whose name is not UTF-8 (`Pr\xFCfung.csv`) is read by its bytes, each byte kept
/// as a private character (U+10FF00 + byte). The exports wrote those characters (U+10FFFC), which
/// no reader or script can open the file by: they write `\xFC`, as the messages do.
struct RawByteNameExportTests {
    @Test func rawBytesInNamesAreWrittenAsMessagesShowThem() {
        let name = PathBytes.name([0x50, 0x72, 0xFC, 0x66, 0x2E, 0x63, 0x73, 0x76])   // Pr\xFCf.csv
        #expect(PathBytes.holdsRawBytes(name))
        #expect(JSONValue.string(name).rendered() == #""Pr\\xFCf.csv""#)
        #expect(JSONValue.string("café.csv").rendered() == #""café.csv""#)
        #expect(ResultsExport.clean(name + "\tx") == "Pr\\xFCf.csv x")
    }
}
