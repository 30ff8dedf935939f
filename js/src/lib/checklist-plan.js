/* Which answers the self-assessment's result works on: the plan lists every "no" and "partly" in
   the order of the questions, and the CSV gives their next steps (not those of "yes" answers). */

/** True for an answer that needs next steps. */
export function needsSteps(answer) {
  return answer === "no" || answer === "partly";
}

/** The ids, in question order, whose answers need next steps. */
export function planIds(order, answers) {
  return order.filter((id) => Object.prototype.hasOwnProperty.call(answers, id) && needsSteps(answers[id]));
}
