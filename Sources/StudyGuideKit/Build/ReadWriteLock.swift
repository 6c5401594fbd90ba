internal import Foundation

/// Many readers at once, or one writer: for state that workers read far more often than they
/// change it (a spill file read back by every page while parsing workers only ever append).
/// An `NSLock` there made readers queue behind one another and sleep in the kernel.
final class ReadWriteLock: @unchecked Sendable {
    // The lock must not move once initialised, so it lives in memory of its own, owned here.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        precondition(pthread_rwlock_init(lock, nil) == 0, "a read-write lock could not be made")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    func reading<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func writing<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
