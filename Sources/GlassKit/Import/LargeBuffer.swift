import GlassPlatform
import Synchronization

/// Memory hints for the large arrays of an import and of the W′ sweep (a 10^6-row file: several
/// arrays of 8 MB; `plot` of six files of 10^5 rows: some forty of 0.5–2 MB).
///
/// Touching fresh memory costs a page fault per 4 KiB, most of it zeroing and accounting the page;
/// a transparent huge page (Linux, `madvise` mode) costs one per 2 MiB. The kernel gives one only
/// where the whole aligned 2 MiB is advised and none of it was touched yet. An arena of glibc's
/// malloc touches a block's header (and the free space's after it) when it hands the block out,
/// so advice given afterwards finds the 2 MiB around both ends already touched: a buffer of 0.5–2
/// MiB never gets a huge page that way. A process that lets its arenas grow by a large step
/// (``adviseNearby(reach:)``, the one-shot commands) therefore also advises the address space
/// its arena is about to hand out, before each large allocation and past each large buffer.
public enum LargeBuffer {
    /// From this size on, a buffer is worth transparent huge pages.
    public static let hugePageBytes = 4 << 20

    /// From this size on, a buffer's neighbourhood is advised, where a reach is set.
    static let nearbyBytes = 512 << 10

    /// How far past a large buffer the address space is advised: 0 (the buffer's own whole huge
    /// pages only: the explorer, which runs for hours and keeps glibc's defaults, so that the
    /// kernel's background collapsing never fills advised space it did not ask for), or the step
    /// by which the arenas grow.
    private static let reach = Atomic<Int>(0)

    /// Advises, from now on, `bytes` past each large buffer and ahead of each large allocation:
    /// for a process whose arenas reserve that much at a time (`M_TOP_PAD`), so that what is
    /// advised is the arena's own reserved space. Called on the main thread before others start.
    ///
    /// The main thread's arena grows by moving the program break, and what a growth adds is
    /// touched before anything could advise it; so it is grown here at once, by a block of
    /// ``mainArenaBytes`` freed again (address space only: two pages are touched), and advised
    /// whole. The study's loading and analysis on the main thread then fault in huge pages from
    /// the start (the generated study of the benchmark: 2,050 page faults → 1,530).
    public static func adviseNearby(reach bytes: Int) {
        reach.store(max(bytes, 0), ordering: .relaxed)
        guard bytes > 0, let block = malloc(mainArenaBytes) else { return }
        adviseAround(Int(bitPattern: block), mainArenaBytes + bytes)
        free(block)
    }

    /// What the main thread's arena is grown by at once: more than a study of 10^5-row files
    /// puts there (the 10^6-row file's columns grow it further, advised by their own allocation).
    static let mainArenaBytes = 24 << 20

    /// Asks the kernel to back `buffer` with transparent huge pages where it allows them on request:
    /// its whole huge pages, and with a reach set, those it shares with its neighbours and the
    /// reach past it. Only a hint: the contents and results do not change.
    public static func adviseHugePages<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        let bytes = buffer.count * MemoryLayout<T>.stride
        guard let base = buffer.baseAddress else { return }
        let r = reach.load(ordering: .relaxed)
        if r > 0, bytes >= nearbyBytes {
            adviseAround(Int(bitPattern: base), bytes + r)
        } else if bytes >= hugePageBytes {
            advise(from: Int(bitPattern: base), to: Int(bitPattern: base) + bytes, hugePages: true)
        }
    }

    /// Before a buffer of `bytes` is allocated on this thread (with a reach set): the address space
    /// its arena hands out next, from where a small block comes from now, to `bytes` and the reach
    /// past it. O(1): a small allocation and one `madvise`.
    public static func adviseAhead(bytes: Int) {
        let r = reach.load(ordering: .relaxed)
        guard r > 0, bytes >= nearbyBytes, let probe = malloc(16) else { return }
        let address = Int(bitPattern: probe)
        free(probe)
        adviseAround(address, bytes + r)
    }

    /// Huge pages for the whole 2 MiB extents from the one holding `address` up to `count` bytes
    /// past it, within its aligned 64 MiB (a glibc thread arena's heap is such a block, so the
    /// advice stays inside it; past the main arena's break nothing is mapped, and the kernel
    /// passes over what is not).
    private static func adviseAround(_ address: Int, _ count: Int) {
        #if os(Linux)
        let huge = 2 << 20, block = 64 << 20
        let from = address / huge * huge
        let to = min((address + count + huge - 1) / huge * huge, (address / block + 1) * block)
        guard to > from, let p = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(p, to - from, Int32(MADV_HUGEPAGE))
        #endif
    }

    /// Gives `bytes` of memory at `base` back to the kernel before it is freed: an allocator that
    /// keeps freed memory for later (as the one-shot commands ask glibc's to) would otherwise hold
    /// its pages until the process ends. Only a hint: nothing is read from it afterwards.
    public static func returnPages(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        guard bytes >= 1 << 20, let base else { return }
        advise(from: Int(bitPattern: base), to: Int(bitPattern: base) + bytes, hugePages: false)
    }

    /// Gives back the pages of `buffer` wholly past its first `count` elements (reserved room that
    /// was touched only because a huge page spanned it: up to 2 MiB a column). The elements past
    /// `count` are uninitialised capacity, never read; a later write there faults in a fresh page.
    public static func releaseTail<T>(_ buffer: UnsafeMutableBufferPointer<T>, keeping count: Int) {
        let bytes = buffer.count * MemoryLayout<T>.stride
        guard bytes >= hugePageBytes, let base = buffer.baseAddress else { return }
        advise(from: Int(bitPattern: base) + max(count, 0) * MemoryLayout<T>.stride, to: Int(bitPattern: base) + bytes, hugePages: false)
    }

    /// `madvise` on the whole pages within the addresses [from, to): huge pages, or give them back.
    private static func advise(from: Int, to: Int, hugePages: Bool) {
        #if os(Linux)
        let page = 4096
        let start = (from + page - 1) / page * page, end = to / page * page
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, hugePages ? Int32(MADV_HUGEPAGE) : Int32(MADV_DONTNEED))
        #endif
    }
}
