//! Entering compiled code and leaving it at a guard (deoptimization).
//!
//! Problem: compiled code runs until a guard fails; then the interpreter
//! needs its frames back as they were at the start of the guard's opcode:
//! the traced frame and, if the guard is inside inlined calls, the callee
//! frames too, each caller suspended in its call opcode. The opcode must
//! be finished (it may be half done), and a guard that fails often gets a
//! bridge.
//!
//! Approach: [`JitDriver::enter`] runs the trace; at a guard exit the
//! guard's resume data rebuilds every frame ([`ResumeData::restore`]); the
//! callers go on the driver's frame stack and the innermost opcode is
//! replayed with [`Replay`] (its first half with `step`, or, if the guard
//! was after an inlined call returned, its second half with
//! `call_returned`). If the replayed opcode is a call that the trace made
//! residual (the log goes on past the call), the residual call and the
//! second half are replayed too. A bridge from a guard inside inlined
//! calls starts with all the guard's frames active (its inputs are every
//! frame and its slots, outermost first), so it follows the callee's
//! return into the caller up to a loop header of the outermost frame.
//!
//! ```text
//! guard_true(i9) [p0, p4, ..]  frames [inc #3 (p4), main @ #6]
//!   -> Frames { cur: p4, suspended: [main @ #6] }; Replay inc #3 -> Next(#4)
//! ```
//!
//! Invariant: after `enter` returns, the frame stack and every frame on it
//! hold the exact interpreter state before the returned step.

use super::{Flow, Frames, JitDriver, JitInterp, Origin, Tracing};
use crate::backend::Exit;
use crate::driver::Step;
use crate::ir::TargetToken;
use crate::recorder::Recorder;
use crate::replay::Replay;
use crate::resume::ResumeData;
use std::fmt::Debug;
use std::hash::Hash;

impl<K: Copy + Eq + Hash + Debug + 'static> JitDriver<K> {
    /// Runs compiled trace number `idx` on the current frame until it
    /// leaves at a guard; rebuilds the frames, replays the guard's opcode
    /// and returns where the interpreter continues. May start tracing a
    /// bridge.
    pub(super) fn enter<I: JitInterp<Key = K>>(
        &self,
        interp: &mut I,
        fr: &mut Frames<K>,
        idx: usize,
        tracing: &mut Option<Tracing<K>>,
    ) -> Flow<K> {
        let mut ct = self.warm.borrow().traces[idx].clone();
        self.warm.borrow_mut().stats.entries += 1;
        loop {
            // A bridge from a guard inside inlined calls takes the frames
            // of those calls too (they stay rooted on the frame stack
            // while it runs).
            let mut inputs = Vec::new();
            for (f, _, _) in fr.top(ct.frames, ct.key) {
                inputs.extend(self.vinfo.read_inputs(f));
            }
            assert_eq!(
                inputs.len(),
                ct.trace.inputs.len(),
                "frame layout does not match the trace's inputs"
            );
            let dead = self.backend.execute(ct.id, &inputs);
            fr.unwind(ct.frames - 1);
            let frame = fr.frame();
            let gid = match dead.exit {
                Exit::Guard(g) => g,
                Exit::Finish => panic!("trace left through finish, which the recorder never emits"),
            };
            let failed = {
                let w = self.warm.borrow();
                w.traces[w.by_id[&gid.trace]].clone()
            };
            let resume = failed.trace.ops[gid.op as usize]
                .resume
                .clone()
                .expect("guard without resume data");
            let rd = resume
                .downcast::<ResumeData<K>>()
                .expect("resume data of another driver");
            let words: Vec<u64> = dead.values.iter().map(|v| v.to_word()).collect();
            let res = rd.restore(self.vinfo, frame, &words);
            // The outermost frame is the one the trace ran on; suspend it
            // and every inlined caller in its call opcode.
            let n = res.frames.len();
            for d in (1..n).rev() {
                let inner = res.frames[d - 1];
                fr.call(inner.frame, inner.entry, res.frames[d].key);
            }
            {
                let mut w = self.warm.borrow_mut();
                w.stats.guard_failures += 1;
                w.summary.guard_failures += 1;
            }
            let top = res.frames[0];
            let f = Some(top.frame);
            let mut replay = Replay::new(res.log);
            let step = match top.callee {
                None => interp.step(&mut replay, f, top.key),
                Some(c) => interp.call_returned(&mut replay, f, top.key, Some(c)),
            };
            let step = match step {
                // The log goes on past the call: the trace made it a
                // residual call, which has happened.
                Step::Call(callee, entry) if !replay.log_consumed() => {
                    interp.call_residual(&mut replay, callee, entry);
                    interp.call_returned(&mut replay, f, top.key, callee)
                }
                s => s,
            };
            drop(replay);
            let flow = Flow::concrete(step);
            let next = match flow {
                Flow::Next(k) | Flow::LoopBack(k) => k,
                _ => return flow,
            };
            rd.failures.set(rd.failures.get() + 1);
            if let Some(b) = rd.bridge.get() {
                let w = self.warm.borrow();
                let bt = w.traces[b].clone();
                if bt.key == next {
                    drop(w);
                    self.warm.borrow_mut().stats.bridge_entries += 1;
                    ct = bt;
                    continue;
                }
                return flow;
            }
            let want_bridge = rd.failures.get() >= self.params.trace_eagerness
                && !rd.bridge_blacklisted.get()
                && !matches!(flow, Flow::LoopBack(k) if self.warm.borrow().loops.contains_key(&k));
            if want_bridge && tracing.is_none() {
                let mut w = self.warm.borrow_mut();
                if !w.tracing {
                    w.tracing = true;
                    drop(w);
                    // The bridge starts with every frame of the guard
                    // active, as if the inner ones had been inlined;
                    // unless one of those functions is don't-inline (it
                    // has a loop of its own, which the bridge could not
                    // jump to from inside a call): then from the
                    // innermost frame only, which may reach that loop.
                    let token = TargetToken::fresh();
                    let all = (1..n).all(|d| !self.is_dont_inline(res.frames[d - 1].entry));
                    let frames = fr.top(if all { n } else { 1 }, next);
                    let label = (frames.len() == 1).then_some(token);
                    let limit = self.params.trace_limit as usize;
                    let rec = Recorder::new_stack(self.vinfo, &frames, next, label, limit);
                    *tracing = Some(Tracing {
                        rec,
                        start: next,
                        token,
                        origin: Origin::Bridge(resume.0.clone(), std::marker::PhantomData),
                        fresh: true,
                    });
                    // Recording starts at the next merge point: continue
                    // interpreting (a LoopBack must not enter a loop now).
                    return Flow::Next(next);
                }
            }
            return flow;
        }
    }
}
