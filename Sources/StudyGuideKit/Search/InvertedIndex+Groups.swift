/// Which terms' postings are made together: the write holds one group's postings at a time, so a
/// group's size bounds the memory the index's write takes, whatever the site's language.
extension InvertedIndex {
    /// Terms whose postings are made together: a range of `sorted`, whose entries are read from
    /// `classes` (a group that holds part of a class reads all of it and keeps its own terms).
    struct Group: Equatable {
        var classes: Range<Int>
        var positions: Range<Int>
        /// Prefixes whose files of postings are cut by one more character whatever the group
        /// holds of them, because their terms' postings would fill more than a file even at the
        /// fewest bytes a posting takes: what lets a group hold only some of a prefix's terms and
        /// file them as if it held all (`SearchIndexBuilder.buckets`).
        var splitting: Set<[UInt8]> = []
    }

    /// Consecutive classes whose postings number at most `budget` together. A class, or a
    /// letter's classes, with more is made in pieces of at most `budget` postings, cut only where
    /// the files of postings are cut whatever a piece holds (see `Group.splitting` and
    /// `pieces`); a letter too small to be cut stays whole.
    func groups(budget: Int, bucketBytes: Int = SearchIndexBuilder.bucketBytes) -> [Group] {
        // Where each class's terms are in `sorted`, and how many postings they have.
        var classEnds = [Int](repeating: 0, count: TermClass.count)
        var classPostings = [Int](repeating: 0, count: TermClass.count)
        var position = 0
        for termClass in 0 ..< TermClass.count {
            while position < sorted.count, Int(TermClass.of(terms.bytes(sorted[position]))) == termClass {
                classPostings[termClass] += Int(frequency[Int(sorted[position])])
                position += 1
            }
            classEnds[termClass] = position
        }
        func start(of termClass: Int) -> Int { termClass == 0 ? 0 : classEnds[termClass - 1] }

        var result: [Group] = []
        var groupClasses = 0, postings = 0
        var splitting: Set<[UInt8]> = []
        // Ends the group being gathered before `termClass`, and starts the next there.
        func close(at termClass: Int) {
            if groupClasses < termClass, start(of: groupClasses) < start(of: termClass) {
                result.append(Group(classes: groupClasses ..< termClass, positions: start(of: groupClasses) ..< start(of: termClass),
                                    splitting: splitting))
            }
            groupClasses = termClass
            postings = 0
        }
        var termClass = 0
        while termClass < TermClass.count {
            let letter = TermClass.sharingFirstCharacter(with: termClass)
            let letterPostings = classPostings[letter].reduce(0, +)
            guard letterPostings > budget else {
                if postings > 0, postings + letterPostings > budget { close(at: letter.lowerBound) }
                postings += letterPostings
                termClass = letter.upperBound
                continue
            }
            close(at: letter.lowerBound)
            if letter.count == 1 || 4 * letterPostings > bucketBytes {
                // A class alone, or a letter whose files are cut by two letters at least (four
                // bytes a posting fill more than a file): its classes may go to different groups,
                // and one with more postings than the budget is made in pieces.
                splitting = letter.count > 1 ? [Array(terms.bytes(sorted[start(of: letter.lowerBound)]).prefix(1))] : []
                for part in letter {
                    guard classPostings[part] > budget else {
                        if postings > 0, postings + classPostings[part] > budget { close(at: part) }
                        postings += classPostings[part]
                        continue
                    }
                    close(at: part)
                    result += pieces(of: part, positions: start(of: part) ..< start(of: part + 1), splitting: splitting,
                                     budget: budget, bucketBytes: bucketBytes)
                    groupClasses = part + 1
                }
                close(at: letter.upperBound)
                splitting = []
            } else {
                // Too few postings for its files to be cut by two letters: whole, however many.
                postings = letterPostings
                close(at: letter.upperBound)
            }
            termClass = letter.upperBound
        }
        close(at: TermClass.count)
        return result
    }

    /// The terms of one class at `positions` in pieces of at most `budget` postings. A piece
    /// ends only between two terms whose every shared prefix (of one to five characters) is one
    /// whose file is cut by one more character whatever a piece holds: in `splitting` already, or
    /// one whose terms' postings fill more than `bucketBytes` at the fewest bytes a posting takes
    /// (four, and the term and its quotes). Where no such place comes, a piece grows past
    /// `budget`: a prefix's postings that are filed together are made together.
    private func pieces(of termClass: Int, positions: Range<Int>, splitting inherited: Set<[UInt8]>,
                        budget: Int, bucketBytes: Int) -> [Group] {
        var splitting = inherited
        for length in 1 ... 5 {
            var start = positions.lowerBound
            while start < positions.upperBound {
                let prefix = SearchShards.prefix(terms.bytes(sorted[start]), characters: length)
                // A shorter term is in no group of this length (it stands alone once its own
                // prefix is cut), and the terms after it are in theirs.
                guard SearchShards.characterCount(prefix) == length else {
                    start += 1
                    continue
                }
                var end = start, least = 0
                while end < positions.upperBound, terms.bytes(sorted[end]).starts(with: prefix) {
                    least += terms.length(sorted[end]) + 5 + 4 * Int(frequency[Int(sorted[end])])
                    end += 1
                }
                if least > bucketBytes, !SearchShards.isPaired(prefix) { splitting.insert(prefix) }
                start = end
            }
        }
        // Whether the files of postings are cut between the terms at `position - 1` and `position`.
        func isCut(before position: Int) -> Bool {
            let left = terms.bytes(sorted[position - 1]), right = terms.bytes(sorted[position])
            for length in 1 ... 6 {
                let prefix = SearchShards.prefix(right, characters: length)
                if !left.starts(with: prefix) { return true }
                if length == 6 || !splitting.contains(prefix) { return false }
            }
            return false
        }
        var result: [Group] = []
        var pieceStart = positions.lowerBound, postings = 0
        for position in positions {
            let count = Int(frequency[Int(sorted[position])])
            if postings > 0, postings + count > budget, isCut(before: position) {
                result.append(Group(classes: termClass ..< termClass + 1, positions: pieceStart ..< position, splitting: splitting))
                pieceStart = position
                postings = 0
            }
            postings += count
        }
        if pieceStart < positions.upperBound {
            result.append(Group(classes: termClass ..< termClass + 1, positions: pieceStart ..< positions.upperBound, splitting: splitting))
        }
        return result
    }
}
