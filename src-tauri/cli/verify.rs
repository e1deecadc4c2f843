//! `verify plan|match|points|step|behalf|asked|decide`.

use super::args::VerifyAction;
use super::clock::parse_date;
use crate::desk::{Desk, VerificationView};
use crate::ledger::VerificationOutcome;
use crate::verify::{DataPoint, OnBehalf, PointKind, StepId};
use crate::{Error, Result};

fn enum_of<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| Error::Invalid(format!("{what} {s:?} is not one this command knows (see --help)")))
}

fn print_json(v: &serde_json::Value) {
    println!("{v}");
}

fn summary(v: &VerificationView) {
    println!("level {} — {}", v.plan.level.as_str(), v.plan.basis);
    for s in &v.plan.steps {
        let done = v.record.steps_done.contains(s)
            || (*s == StepId::Points && v.points_counted as usize >= v.plan.level.points_needed());
        println!("  [{}] {}", if done { "x" } else { " " }, s.label());
    }
    println!(
        "points counted {} of {}; {}",
        v.points_counted,
        v.plan.level.points_needed(),
        if v.reached { "level reached" } else { "not yet reached" }
    );
    if let Some(o) = v.record.outcome {
        println!("outcome: {o:?} — {}", v.record.outcome_reason);
    }
}

pub fn run(desk: &mut Desk, action: VerifyAction) -> Result<()> {
    match action {
        VerifyAction::Plan { reference, json } => {
            let v = desk.verification(&reference)?;
            if json {
                let steps: Vec<serde_json::Value> = v
                    .plan
                    .steps
                    .iter()
                    .map(|s| serde_json::json!({ "id": s, "label": s.label(), "done": v.record.steps_done.contains(s) }))
                    .collect();
                print_json(&serde_json::json!({
                    "level": v.plan.level.as_str(),
                    "steps": steps,
                    "either": v.plan.either,
                    "basis": v.plan.basis,
                    "pause_allowed": v.plan.pause_allowed,
                }));
            } else {
                summary(&v);
            }
        }
        VerifyAction::Match { reference, json } => {
            let v = desk.verification(&reference)?;
            if json {
                print_json(&serde_json::json!({
                    "points": v.matches,
                    "counted": v.points_counted,
                    "needed": v.plan.level.points_needed(),
                    "reached": v.reached,
                }));
            } else {
                for m in &v.matches {
                    println!("{:?} {:?}: {:?} — {}", m.point.kind, m.point.value, m.status, m.why);
                }
                summary(&v);
            }
        }
        VerifyAction::Points { reference, points, correct } => {
            let correct: Vec<PointKind> =
                correct.iter().map(|c| enum_of("data point kind", c.trim())).collect::<Result<_>>()?;
            let mut list = Vec::new();
            for p in &points {
                let (kind, value) =
                    p.split_once('=').ok_or_else(|| Error::Invalid(format!("{p:?}: expected KIND=VALUE")))?;
                let kind: PointKind = enum_of("data point kind", kind.trim())?;
                let to_correct = correct.contains(&kind);
                list.push(DataPoint { kind, value: value.trim().to_string(), to_correct });
            }
            summary(&desk.set_verification_points(&reference, list)?);
        }
        VerifyAction::Step { reference, step, undo, reason } => {
            let step: StepId = enum_of("step", &step)?;
            summary(&desk.set_verification_step(&reference, step, !undo, &reason)?);
        }
        VerifyAction::Behalf { reference, who, reason } => {
            let who = match who.as_str() {
                "self" => None,
                other => Some(enum_of::<OnBehalf>("requester", other)?),
            };
            summary(&desk.set_on_behalf(&reference, who, &reason)?);
        }
        VerifyAction::Asked { reference, on } => {
            let on = on.map(|d| parse_date(&d)).transpose()?.map_or_else(|| desk.today(), Ok)?;
            let v = desk.mark_verification_asked(&reference, on)?;
            if let Some(d) = v.abandon_on {
                println!("{reference}: verification requested on {on}; with no answer by {d} it is proposed for closing as abandoned");
            }
        }
        VerifyAction::Decide { reference, outcome, reason } => {
            let outcome: VerificationOutcome = enum_of("outcome", &outcome)?;
            summary(&desk.decide_verification(&reference, outcome, &reason)?);
        }
    }
    Ok(())
}
