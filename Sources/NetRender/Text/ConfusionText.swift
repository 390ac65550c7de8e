import NetCore
import NetLang

/// A confusion matrix as a table whose axes say what they are: one row per true class,
/// one column per predicted class, and how many were right under it.
///
///     confusion: rows are the true class, columns the predicted class
///     true \ predicted   0   1   2
///     0                 35   0   1
///     …
///     correct 340 of 359 (94.71%)
enum ConfusionText {
    static let corner = "true \\ predicted"

    static func table(_ view: ConfusionView) -> Table {
        let names = view.classNames
        var table = Table(title: "\(view.title): rows are the true class, columns the predicted class",
                          columns: [corner] + names,
                          rows: view.counts.enumerated().map { i, row in
                              [.text(i < names.count ? names[i] : "\(i + 1)")] + row.map { .number(Double($0)) }
                          },
                          footer: [Phrase(summary(view))])
        table.countColumns = Set(names)
        return table
    }

    static func summary(_ view: ConfusionView) -> String {
        let total = view.total
        guard total > 0 else { return "no samples" }
        let share = 100 * Double(view.correct) / Double(total)
        return "correct \(view.correct) of \(total) (" + NumberFormat.fixed(share, precision: 2) + "%)"
    }

    static func render(_ view: ConfusionView, precision: Int) -> String {
        TableText(precision: precision).render(table(view))
    }
}
