//! Priority queue with aging (api §4.4).
//!
//! Tasks are kept in one FIFO per priority level. Within a level the oldest task always has the
//! largest aging boost, so only the head of each level can win; and since the boost is capped at
//! `max_boost`, only levels within `max_boost` of the highest one need to be compared. A pop is
//! therefore O(1) with a single level and O(levels in range) otherwise, and, unlike a heap whose
//! keys change while it is stored, it is exact at the moment of the pop.

use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

/// `f64` priority with a total order, so it can key a map (NaN is mapped to 0 by the caller).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Level(i64);

impl Level {
    fn of(priority: f64) -> Self {
        let bits = priority.to_bits() as i64;
        // Flip the magnitude bits of negatives so the integer order equals the numeric order.
        Level(bits ^ (((bits >> 63) as u64) >> 1) as i64)
    }
    fn value(self) -> f64 {
        let bits = self.0 ^ ((((self.0 >> 63) as u64) >> 1) as i64);
        f64::from_bits(bits as u64)
    }
}

#[derive(Debug)]
pub struct Entry<T> {
    pub id: u64,
    pub enqueued: Instant,
    pub item: T,
}

/// Aging parameters in force at pop time.
#[derive(Debug, Clone, Copy)]
pub struct Aging {
    /// Milliseconds of waiting worth one priority point (already multiplied).
    pub ms_per_point: f64,
    pub max_boost: f64,
}

impl Aging {
    fn boost(&self, waited_ms: f64) -> f64 {
        if self.ms_per_point <= 0.0 || self.max_boost <= 0.0 {
            return 0.0;
        }
        (waited_ms / self.ms_per_point).min(self.max_boost)
    }
}

#[derive(Debug)]
pub struct AgingQueue<T> {
    levels: BTreeMap<Level, VecDeque<Entry<T>>>,
    len: usize,
}

impl<T> Default for AgingQueue<T> {
    fn default() -> Self {
        Self {
            levels: BTreeMap::new(),
            len: 0,
        }
    }
}

impl<T> AgingQueue<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, priority: f64, entry: Entry<T>) {
        let priority = if priority.is_nan() { 0.0 } else { priority };
        self.levels
            .entry(Level::of(priority))
            .or_default()
            .push_back(entry);
        self.len += 1;
    }

    /// Takes the task with the highest effective priority; ties go to the earliest enqueued.
    pub fn pop(&mut self, now: Instant, aging: Aging) -> Option<(f64, Entry<T>)> {
        let level = self.pick(now, aging)?;
        let fifo = self.levels.get_mut(&level)?;
        let entry = fifo.pop_front()?;
        if fifo.is_empty() {
            self.levels.remove(&level);
        }
        self.len -= 1;
        Some((level.value(), entry))
    }

    fn pick(&self, now: Instant, aging: Aging) -> Option<Level> {
        let mut levels = self.levels.iter().rev();
        let (&top, top_fifo) = levels.next()?;
        if self.levels.len() == 1 {
            return Some(top);
        }
        let score = |level: Level, fifo: &VecDeque<Entry<T>>| {
            let head = fifo.front().expect("levels are never empty");
            let waited = now.saturating_duration_since(head.enqueued).as_secs_f64() * 1000.0;
            (level.value() + aging.boost(waited), head.id)
        };
        let mut best = (top, score(top, top_fifo));
        for (&level, fifo) in levels {
            if level.value() + aging.max_boost.max(0.0) < best.1 .0 {
                break;
            }
            let candidate = score(level, fifo);
            let (best_score, best_id) = best.1;
            if candidate.0 > best_score || (candidate.0 == best_score && candidate.1 < best_id) {
                best = (level, candidate);
            }
        }
        Some(best.0)
    }

    /// Removes one task by id (a cancelled waiter); O(n) but only used on cancellation.
    pub fn remove(&mut self, id: u64) -> Option<Entry<T>> {
        let mut found = None;
        for (&level, fifo) in self.levels.iter_mut() {
            if let Some(pos) = fifo.iter().position(|e| e.id == id) {
                found = Some((level, fifo.remove(pos)?));
                break;
            }
        }
        let (level, entry) = found?;
        if self.levels.get(&level).is_some_and(VecDeque::is_empty) {
            self.levels.remove(&level);
        }
        self.len -= 1;
        Some(entry)
    }

    /// Empties the queue, oldest level order irrelevant (used by stop()).
    pub fn drain_all(&mut self) -> Vec<Entry<T>> {
        self.len = 0;
        std::mem::take(&mut self.levels)
            .into_values()
            .flatten()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const NO_AGING: Aging = Aging {
        ms_per_point: 0.0,
        max_boost: 0.0,
    };

    fn entry(id: u64, at: Instant) -> Entry<()> {
        Entry {
            id,
            enqueued: at,
            item: (),
        }
    }

    #[test]
    fn level_order_matches_numeric_order() {
        let values = [-1e9, -2.5, -0.0, 0.0, 0.5, 1.0, 10.0, 1e12];
        for pair in values.windows(2) {
            assert!(Level::of(pair[0]) <= Level::of(pair[1]), "{pair:?}");
        }
        for v in values {
            assert_eq!(Level::of(v).value(), v);
        }
    }

    #[test]
    fn higher_priority_first_and_ties_fifo() {
        let now = Instant::now();
        let mut q = AgingQueue::default();
        for (id, p) in [(1, 0.0), (2, 10.0), (3, 5.0), (4, 10.0)] {
            q.push(p, entry(id, now));
        }
        let order: Vec<u64> =
            std::iter::from_fn(|| q.pop(now, NO_AGING).map(|(_, e)| e.id)).collect();
        assert_eq!(order, vec![2, 4, 3, 1]);
        assert!(q.is_empty());
    }

    #[test]
    fn aging_lets_an_old_low_priority_task_overtake() {
        let start = Instant::now();
        let mut q = AgingQueue::default();
        q.push(0.0, entry(1, start));
        q.push(2.0, entry(2, start + Duration::from_millis(1000)));
        let aging = Aging {
            ms_per_point: 250.0,
            max_boost: 3.0,
        };
        // At +1000 ms task 1 has waited 1000 ms: boost 3 (capped) > 2.
        let (_, first) = q.pop(start + Duration::from_millis(1000), aging).unwrap();
        assert_eq!(first.id, 1);
    }

    #[test]
    fn aging_boost_is_capped() {
        let start = Instant::now();
        let mut q = AgingQueue::default();
        q.push(0.0, entry(1, start));
        q.push(5.0, entry(2, start + Duration::from_secs(60)));
        let aging = Aging {
            ms_per_point: 1.0,
            max_boost: 3.0,
        };
        let (_, first) = q.pop(start + Duration::from_secs(60), aging).unwrap();
        assert_eq!(first.id, 2, "boost capped at 3 cannot lift 0 above 5");
    }

    #[test]
    fn remove_and_drain() {
        let now = Instant::now();
        let mut q = AgingQueue::default();
        for id in 1..=5 {
            q.push(id as f64 % 2.0, entry(id, now));
        }
        assert_eq!(q.remove(3).map(|e| e.id), Some(3));
        assert!(q.remove(3).is_none());
        assert_eq!(q.len(), 4);
        let mut ids: Vec<u64> = q.drain_all().into_iter().map(|e| e.id).collect();
        ids.sort();
        assert_eq!(ids, vec![1, 2, 4, 5]);
        assert!(q.is_empty());
    }

    #[test]
    fn nan_priority_counts_as_zero() {
        let now = Instant::now();
        let mut q = AgingQueue::default();
        q.push(f64::NAN, entry(1, now));
        q.push(1.0, entry(2, now));
        assert_eq!(q.pop(now, NO_AGING).unwrap().1.id, 2);
        assert_eq!(q.pop(now, NO_AGING).unwrap().0, 0.0);
    }
}
