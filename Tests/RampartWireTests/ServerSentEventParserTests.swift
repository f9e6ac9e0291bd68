import Testing
@testable import RampartWire

@Suite struct ServerSentEventParserTests {
    let stream = "event: message_start\r\ndata: {\"a\":1}\r\n\r\n: keep-alive comment\n\ndata: line one\ndata: line two\n\nid: 7\ndata:no-space\r\r"

    let expected = [
        ServerSentEvent(event: "message_start", data: "{\"a\":1}"),
        ServerSentEvent(data: "line one\nline two"),
        ServerSentEvent(data: "no-space", id: "7"),
    ]

    @Test func parsesWholeStream() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.parse(Array(stream.utf8)) == expected)
    }

    @Test func parsesStreamSplitAtEveryByte() throws {
        let bytes = Array(stream.utf8)
        for split in 0...bytes.count {
            var parser = ServerSentEventParser()
            let events = try parser.parse(bytes[..<split]) + parser.parse(bytes[split...])
            #expect(events == expected, "split at byte \(split)")
        }
    }

    @Test func parsesOneByteAtATime() throws {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for byte in "data: héllo wörld\n\n".utf8 { events += try parser.parse([byte]) }
        #expect(events == [ServerSentEvent(data: "héllo wörld")])
    }

    @Test func finishDeliversAnEventWithoutTrailingBlankLine() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.parse(Array("data: [DONE]".utf8)).isEmpty)
        #expect(parser.finish() == ServerSentEvent(data: "[DONE]"))
    }

    @Test func boundsTheSizeOfOneEvent() {
        var parser = ServerSentEventParser(maxEventBytes: 16)
        #expect(throws: ServerSentEventParser.EventTooLarge.self) {
            _ = try parser.parse(Array("data: 0123456789abcdefghij\n\n".utf8))
        }
    }

    @Test func encodesMultiLineData() {
        #expect(ServerSentEvent(event: "x", data: "a\nb").encoded == "event: x\ndata: a\ndata: b\n\n")
    }
}
