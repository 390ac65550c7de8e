import Foundation
import NetSupport

extension Notebook {
    /// The notebook with the top-level metadata of the .ipynb it is about to overwrite.
    ///
    /// A percent-format .txt carries no notebook metadata, so `nb-run --to ipynb -o
    /// NAME.ipynb NAME.txt` (what `make update-notebooks` runs) would drop what the stored
    /// notebook says about itself: its title and authors, nbgrader's or a course's keys,
    /// and the Korean lessons' `"language": "ko"` (notebooks/ko/). Like `jupytext --update`,
    /// those are kept; keys this notebook already has win. The kernel's own keys
    /// (kernelspec, language_info) are not taken over: they are always NetBook's.
    ///
    ///     ran.keepingMetadata(ofExisting: "notebooks/ko/01-forward-propagation.ipynb")
    func keepingMetadata(ofExisting path: String?) -> Notebook {
        guard let path, path != "-", path.hasSuffix(".ipynb"),
              let data = FileManager.default.contents(atPath: path),
              let existing = try? IpynbFormat.parse(data) else { return self }
        var kept = existing.metadata
        kept["kernelspec"] = nil
        kept["language_info"] = nil
        var notebook = self
        for (key, own) in metadata { kept[key] = own }
        notebook.metadata = kept
        return notebook
    }
}
