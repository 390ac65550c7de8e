import CellRunner

/// What a notebook saved by Jupyter keeps of a cell's outputs, built from CellRunner's
/// events as JupyterLab and nbclient build it from the kernel's messages: a clear_output
/// empties the outputs (with `wait`, when the next output comes), and consecutive pieces
/// of one stream are one output (JupyterLab merges them as it shows and saves them).
/// Beside each output, its text for the terminal.
struct KeptOutputs {
    private(set) var outputs: [CellOutput] = []
    private(set) var texts: [TerminalText] = []
    private var clearPending = false

    mutating func clear(wait: Bool) {
        if wait { clearPending = true } else { removeAll() }
    }

    mutating func append(_ output: CellOutput, _ text: String) {
        clearIfPending()
        outputs.append(output)
        texts.append(TerminalText(text: text))
    }

    mutating func append(stream name: StreamName, _ text: String) {
        clearIfPending()
        switch (name, outputs.last) {
        case (.stdout, .stream(let before)?):
            outputs[outputs.count - 1] = .stream(before + text)
            texts[texts.count - 1].text += text
        case (.stderr, .stderr(let before)?):
            outputs[outputs.count - 1] = .stderr(before + text)
            texts[texts.count - 1].text += text
        case (.stdout, _):
            outputs.append(.stream(text))
            texts.append(TerminalText(text: text))
        case (.stderr, _):
            outputs.append(.stderr(text))
            texts.append(TerminalText(text: text, isWarning: true))
        }
    }

    private mutating func clearIfPending() {
        if clearPending { removeAll() }
    }

    private mutating func removeAll() {
        outputs.removeAll()
        texts.removeAll()
        clearPending = false
    }
}
