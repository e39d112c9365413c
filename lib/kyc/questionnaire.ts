/**
 * The retail knowledge and suitability questionnaire: questions by id, the right answer of each, the score and
 * its outcome. Pure; the wording lives in the "kyc.questionnaire" messages (both languages).
 */
export const QUESTIONNAIRE_VERSION = "2026-01";

export const QUESTIONS = [
  { id: "ownership", options: ["fraction", "display", "guaranteed"], correct: "fraction" },
  { id: "liquidity", options: ["anytime", "maybeNoBuyer", "buyback"], correct: "maybeNoBuyer" },
  { id: "value", options: ["onlyUp", "canFall", "fixed"], correct: "canFall" },
  { id: "suitability", options: ["affordToLose", "allSavings", "nextMonth"], correct: "affordToLose" },
  { id: "custody", options: ["custodian", "investor", "lastBuyer"], correct: "custodian" },
] as const;

export type QuestionId = (typeof QUESTIONS)[number]["id"];

/** Four right answers out of five pass. */
export const PASS_MARK = 4;

export type QuestionnaireResult = {
  score: number;
  total: number;
  passed: boolean;
  /** Ids of the questions answered wrongly (their explanations are shown). */
  wrong: QuestionId[];
};

export function scoreQuestionnaire(answers: Record<string, string | undefined>): QuestionnaireResult {
  const wrong = QUESTIONS.filter((q) => answers[q.id] !== q.correct).map((q) => q.id);
  const score = QUESTIONS.length - wrong.length;
  return { score, total: QUESTIONS.length, passed: score >= PASS_MARK, wrong };
}
