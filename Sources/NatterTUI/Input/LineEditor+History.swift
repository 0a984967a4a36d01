extension LineEditor {
    mutating func historyPrevious() {
        guard !history.isEmpty else { return }
        let index: Int
        if let current = historyIndex {
            index = max(0, current - 1)
        } else {
            draft = text
            index = history.count - 1
        }
        historyIndex = index
        text = Array(history[index])
        cursor = text.count
    }

    mutating func historyNext() {
        guard let current = historyIndex else { return }
        if current + 1 < history.count {
            historyIndex = current + 1
            text = Array(history[current + 1])
        } else {
            historyIndex = nil
            text = draft
        }
        cursor = text.count
    }
}
