import Foundation

// The libFuzzer-free path: `nb-fuzz TARGET FILE-OR-DIRECTORY...` runs every file once
// through the same code libFuzzer drives, so the corpus is replayed without the sanitizer
// build (`make test`). Each file's name goes to stderr before it runs: if the process
// dies, the last name printed is the culprit.
#if FUZZING
LibFuzzer.run()
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first, let target = FuzzTarget(rawValue: first), arguments.count >= 2 else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: nb-fuzz \(names) FILE-OR-DIRECTORY...\n".utf8))
    exit(2)
}

/// Every regular file under `path` (itself when it is a file), sorted; READMEs and hidden
/// files (`.keep`) left out.
func inputFiles(_ path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        FileHandle.standardError.write(Data("nb-fuzz: no such file: \(path)\n".utf8))
        exit(2)
    }
    guard isDirectory.boolValue else { return [path] }
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
    return names.sorted().map { path + "/" + $0 }.filter { file in
        var dir: ObjCBool = false
        FileManager.default.fileExists(atPath: file, isDirectory: &dir)
        let name = file.split(separator: "/").last ?? ""
        return !dir.boolValue && name != "README.md" && !name.hasPrefix(".")
    }
}

// Absolute before anything runs: the targets move to their own scratch directory.
let here = FileManager.default.currentDirectoryPath
let files = arguments.dropFirst().flatMap(inputFiles)
for file in files {
    let absolute = file.hasPrefix("/") ? file : here + "/" + file
    FileHandle.standardError.write(Data("\(target.rawValue) \(file)\n".utf8))
    guard let data = FileManager.default.contents(atPath: absolute) else {
        FileHandle.standardError.write(Data("nb-fuzz: cannot read \(file)\n".utf8))
        exit(2)
    }
    target.run(Array(data))
}
print("nb-fuzz \(target.rawValue): \(files.count) inputs, no deaths")
