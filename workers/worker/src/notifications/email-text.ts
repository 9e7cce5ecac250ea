import type { NotificationKind } from "@visit-once/workflows/contracts";

// The email templates, in Chinese and English. What the words name (service, step, office)
// comes from the catalogue at send time; the message row holds only the kind and its references.

export type MailLanguage = "zh-CN" | "en";
type Text = { en: string; zh: string };
export interface MailContext {
  service: Text;
  step?: Text;
  office?: Text;
  dueDay?: string;
  caseUrl: string;
}

type Template = (c: MailContext) => { subject: string; body: string };

const zh: Record<NotificationKind, Template> = {
  "information-requested": (c) => ({
    subject: `请补充信息：${c.service.zh}`,
    body: `您的申请「${c.service.zh}」${c.step ? `（${c.step.zh}）` : ""}需要您补充信息，请在${c.dueDay ?? ""}前登录一次办答复：${c.caseUrl}`,
  }),
  "information-provided": (c) => ({
    subject: `申请人已答复：${c.service.zh}`,
    body: `申请人已答复您在「${c.service.zh}」${c.step ? `（${c.step.zh}）` : ""}中的补充信息请求：${c.caseUrl}`,
  }),
  "step-approved": (c) => ({
    subject: `${c.step?.zh ?? ""}已办结`,
    body: `您的申请「${c.service.zh}」中的${c.step?.zh ?? ""}已由${c.office?.zh ?? ""}办结：${c.caseUrl}`,
  }),
  "step-rejected": (c) => ({
    subject: `${c.step?.zh ?? ""}未获办理`,
    body: `您的申请「${c.service.zh}」中的${c.step?.zh ?? ""}未获${c.office?.zh ?? ""}办理，原因请登录查看：${c.caseUrl}`,
  }),
  "case-completed": (c) => ({
    subject: `申请已办结：${c.service.zh}`,
    body: `您的申请「${c.service.zh}」已办结，证照已出具：${c.caseUrl}`,
  }),
  "case-rejected": (c) => ({
    subject: `申请未获批准：${c.service.zh}`,
    body: `您的申请「${c.service.zh}」未获批准，原因请登录查看：${c.caseUrl}`,
  }),
  "step-reminder": (c) => ({
    subject: `催办提醒：${c.step?.zh ?? ""}`,
    body: `「${c.service.zh}」中的${c.step?.zh ?? ""}应于${c.dueDay ?? ""}前办理，现已超期，请尽快处理。`,
  }),
  "step-escalated": (c) => ({
    subject: `督办：${c.step?.zh ?? ""}`,
    body: `${c.office?.zh ?? ""}办理的「${c.service.zh}」${c.step?.zh ?? ""}自${c.dueDay ?? ""}起超期未办，已上报本单位督办。`,
  }),
  "step-due-soon": (c) => ({
    subject: `即将到期：${c.step?.zh ?? ""}`,
    body: `「${c.service.zh}」中的${c.step?.zh ?? ""}应于${c.dueDay ?? ""}前办理，请及时处理。`,
  }),
  "reply-due-soon": (c) => ({
    subject: `请尽快答复：${c.service.zh}`,
    body: `您的申请「${c.service.zh}」需要您在${c.dueDay ?? ""}前补充信息，逾期未答复申请将被驳回：${c.caseUrl}`,
  }),
  "case-refused": (c) => ({
    subject: `不予办理决定及复核告知：${c.service.zh}`,
    body: `您的申请「${c.service.zh}」${c.step ? `中的${c.step.zh}` : ""}未获批准。决定所依据的规定、事实和记录请登录查看；如有异议，可在${c.dueDay ?? ""}前申请复核：${c.caseUrl}`,
  }),
  "review-requested": (c) => ({
    subject: `复核申请：${c.service.zh}`,
    body: `申请人对「${c.service.zh}」${c.step ? `中的${c.step.zh}` : ""}的不予办理决定申请复核，请由原经办人以外的工作人员或上级单位复核。`,
  }),
  "review-overturned": (c) => ({
    subject: `复核结果：撤销原决定（${c.service.zh}）`,
    body: `经复核，您的申请「${c.service.zh}」的不予办理决定已撤销，申请继续办理：${c.caseUrl}`,
  }),
  "review-upheld": (c) => ({
    subject: `复核结果：维持原决定（${c.service.zh}）`,
    body: `经复核，您的申请「${c.service.zh}」的不予办理决定予以维持，理由请登录查看：${c.caseUrl}`,
  }),
  "preview-ready": (c) => ({
    subject: `请核对调取的材料：${c.service.zh}`,
    body: `您的申请「${c.service.zh}」已调取所需材料。请在${c.dueDay ?? ""}前登录核对并确认，也可撤回对非必需材料的授权；逾期未确认将按提交时的授权继续办理：${c.caseUrl}`,
  }),
  // In the office's inbox only (the web writes it): kept here so every kind has its words.
  "rating-bad": (c) => ({
    subject: `差评整改：${c.service.zh}`,
    body: `申请人对本部门在「${c.service.zh}」中的服务给出差评，请于${c.dueDay ?? ""}前整改并答复。`,
  }),
};

const en: Record<NotificationKind, Template> = {
  "information-requested": (c) => ({
    subject: `Information needed: ${c.service.en}`,
    body: `Your application "${c.service.en}"${c.step ? ` (${c.step.en})` : ""} needs information from you. Sign in and reply by ${c.dueDay ?? ""}: ${c.caseUrl}`,
  }),
  "information-provided": (c) => ({
    subject: `The applicant answered: ${c.service.en}`,
    body: `The applicant answered your request for information on "${c.service.en}"${c.step ? ` (${c.step.en})` : ""}: ${c.caseUrl}`,
  }),
  "step-approved": (c) => ({
    subject: `${c.step?.en ?? ""} approved`,
    body: `${c.step?.en ?? ""} in your application "${c.service.en}" was approved by the ${c.office?.en ?? ""}: ${c.caseUrl}`,
  }),
  "step-rejected": (c) => ({
    subject: `${c.step?.en ?? ""} not approved`,
    body: `${c.step?.en ?? ""} in your application "${c.service.en}" was not approved by the ${c.office?.en ?? ""}. Sign in to see why: ${c.caseUrl}`,
  }),
  "case-completed": (c) => ({
    subject: `Application complete: ${c.service.en}`,
    body: `Your application "${c.service.en}" is complete; your documents are ready: ${c.caseUrl}`,
  }),
  "case-rejected": (c) => ({
    subject: `Application not approved: ${c.service.en}`,
    body: `Your application "${c.service.en}" was not approved. Sign in to see why: ${c.caseUrl}`,
  }),
  "step-reminder": (c) => ({
    subject: `Reminder: ${c.step?.en ?? ""}`,
    body: `${c.step?.en ?? ""} in "${c.service.en}" was due by ${c.dueDay ?? ""} and is overdue; please decide it.`,
  }),
  "step-escalated": (c) => ({
    subject: `Escalated: ${c.step?.en ?? ""}`,
    body: `${c.step?.en ?? ""} in "${c.service.en}" at the ${c.office?.en ?? ""} has been overdue since ${c.dueDay ?? ""}; it is escalated to your office.`,
  }),
  "step-due-soon": (c) => ({
    subject: `Due soon: ${c.step?.en ?? ""}`,
    body: `${c.step?.en ?? ""} in "${c.service.en}" is due by ${c.dueDay ?? ""}; please decide it in time.`,
  }),
  "reply-due-soon": (c) => ({
    subject: `Please reply soon: ${c.service.en}`,
    body: `Your application "${c.service.en}" needs your reply by ${c.dueDay ?? ""}, or it will be rejected: ${c.caseUrl}`,
  }),
  "case-refused": (c) => ({
    subject: `Refused, with the right to a review: ${c.service.en}`,
    body: `Your application "${c.service.en}"${c.step ? ` (${c.step.en})` : ""} was refused. Sign in to see the rule, the facts and the records it rests on; you may ask for a review by ${c.dueDay ?? ""}: ${c.caseUrl}`,
  }),
  "review-requested": (c) => ({
    subject: `Review requested: ${c.service.en}`,
    body: `The applicant asks for a review of the refusal of "${c.service.en}"${c.step ? ` (${c.step.en})` : ""}. An officer other than the one who refused, or the supervising office, reviews it.`,
  }),
  "review-overturned": (c) => ({
    subject: `Review: refusal overturned (${c.service.en})`,
    body: `On review, the refusal of your application "${c.service.en}" was overturned; your application goes on: ${c.caseUrl}`,
  }),
  "review-upheld": (c) => ({
    subject: `Review: refusal upheld (${c.service.en})`,
    body: `On review, the refusal of your application "${c.service.en}" was upheld. Sign in to see the reasons: ${c.caseUrl}`,
  }),
  "preview-ready": (c) => ({
    subject: `Check your records: ${c.service.en}`,
    body: `The records for your application "${c.service.en}" have been retrieved. Sign in by ${c.dueDay ?? ""} to check and confirm them, or withdraw consent for a record the service can do without; without your answer the application goes on with the consent you gave when you applied: ${c.caseUrl}`,
  }),
  "rating-bad": (c) => ({
    subject: `A bad rating to answer: ${c.service.en}`,
    body: `An applicant rated your office's service in "${c.service.en}" bad. Answer what you have put right by ${c.dueDay ?? ""}.`,
  }),
};

export function emailText(
  kind: NotificationKind,
  language: MailLanguage,
  context: MailContext,
): { subject: string; body: string } {
  return (language === "en" ? en : zh)[kind](context);
}

export function mailLanguage(preference: string | null | undefined): MailLanguage {
  return preference === "en" ? "en" : "zh-CN";
}
