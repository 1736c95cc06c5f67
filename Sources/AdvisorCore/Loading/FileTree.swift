import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// The few file-system questions loading asks, answered with Foundation's essentials and the C library.
enum FileTree {
    /// Whether `path` is a directory; nil when nothing is there.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The data files (`.yaml`, `.csv`, not hidden) anywhere below `root`, as paths relative to it.
    static func dataFiles(under root: String) -> [String] {
        let all = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
        return all.filter { relative in
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".csv") else { return false }
            return isDirectory(root + "/" + relative) == false
        }
    }
}
