"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type IssuerProfileEditView, PROFILE_LIMITS } from "@/lib/issuer/client";
import { fileStyles, textareaStyles } from "./form-parts";
import { Outcome } from "./listing-outcome";
import { UploadForm } from "./listing-uploads";
import type { saveIssuerProfileAction } from "./profile-actions";

const MB = 1024 * 1024;

/** The names and "about" of the issuer's company profile: a plain form (works without JavaScript). */
export function ProfileForm({
  action,
  profile,
}: {
  action: typeof saveIssuerProfileAction;
  profile: IssuerProfileEditView;
}) {
  const t = useTranslations("issuer.profile");
  const [state, formAction, pending] = useActionState(action, null);
  const err = (f: string) => (state && !state.ok ? state.fieldErrors?.[f] : undefined);
  const nameHint = (name: string | null) => (name ? t("nameHint", { name }) : t("nameHintNone"));
  const fields = {
    nameEn: { id: "profile-name-en", label: t("nameEn") },
    nameZh: { id: "profile-name-zh", label: t("nameZh") },
    aboutEn: { id: "profile-about-en", label: t("aboutEn") },
    aboutZh: { id: "profile-about-zh", label: t("aboutZh") },
  };
  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field {...fields.nameEn} hint={nameHint(profile.defaults.nameEn)} error={err("nameEn")}>
          {(c) => <Input {...c} name="nameEn" defaultValue={profile.nameEn} maxLength={PROFILE_LIMITS.name} />}
        </Field>
        <Field {...fields.nameZh} hint={nameHint(profile.defaults.nameZh)} error={err("nameZh")}>
          {(c) => (
            <Input {...c} name="nameZh" lang="zh-HK" defaultValue={profile.nameZh} maxLength={PROFILE_LIMITS.name} />
          )}
        </Field>
        {(["aboutEn", "aboutZh"] as const).map((name) => (
          <Field key={name} {...fields[name]} hint={t("aboutHint", { max: PROFILE_LIMITS.about })} error={err(name)}>
            {(c) => (
              <textarea
                {...c}
                name={name}
                lang={name === "aboutZh" ? "zh-HK" : undefined}
                defaultValue={profile[name]}
                maxLength={PROFILE_LIMITS.about}
                rows={5}
                className={textareaStyles}
              />
            )}
          </Field>
        ))}
      </div>
      <Outcome state={state} fields={fields} />
      <SubmitButton loading={pending}>{t("save")}</SubmitButton>
    </form>
  );
}

/** The logo: its bytes go to the upload route, which checks the session and role before reading them. */
export function LogoUploadForm() {
  const t = useTranslations("issuer.profile");
  return (
    <UploadForm
      maxMb={PROFILE_LIMITS.logoBytes / MB}
      target={(_data, file) => ({
        url: "/api/uploads/issuer-profile/logo",
        contentType: file && file.type ? file.type : "application/octet-stream",
      })}
      fields={{ file: { id: "logo-file", label: t("logo") } }}
      submit={t("logoUpload")}
    >
      {(err) => (
        <Field id="logo-file" label={t("logo")} hint={t("logoHint")} error={err("file")}>
          {(c) => (
            <input {...c} type="file" name="file" accept="image/png,image/jpeg,image/webp" className={fileStyles} />
          )}
        </Field>
      )}
    </UploadForm>
  );
}
