import { useRef } from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { t, type MessageKey } from "../../i18n/catalog";
import { useStyles } from "../styles";

export type ProfileChoice =
  { kind: "preset"; name: string } | { kind: "custom"; name: string; spec: Record<string, unknown> };

const CUSTOM = "__custom__";

const presetLabel = (name: string) => {
  const key = `taskpane.profile.${name}` as MessageKey;
  const label = t(key);
  return label === undefined || label === key ? name : label;
};

export interface ProfilePickerProps {
  presets: string[];
  value: ProfileChoice;
  error: string | null;
  onPreset(name: string): void;
  onCustomFile(fileName: string, text: string): void;
}

/** Preset or custom JSON profile. A custom file is read here; validation is the caller's. */
export function ProfilePicker(props: ProfilePickerProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const v = props.value;
  return (
    <div className={s.row} style={{ alignItems: "flex-end" }}>
      <Field
        label={t("taskpane.profile.label")}
        size="small"
        style={{ flex: "1 1 180px", minWidth: 0 }}
        validationState={props.error ? "error" : "none"}
        validationMessage={props.error ?? undefined}
      >
        <Select
          size="small"
          style={{ minWidth: 0 }}
          value={v.kind === "preset" ? v.name : CUSTOM}
          onChange={(_, d) => {
            if (d.value === CUSTOM) input.current?.click();
            else props.onPreset(d.value);
          }}
        >
          {props.presets.map((p) => (
            <option key={p} value={p}>
              {presetLabel(p)}
            </option>
          ))}
          <option value={CUSTOM}>
            {v.kind === "custom"
              ? t("taskpane.profile.customName", { name: v.name })
              : t("taskpane.profile.custom")}
          </option>
        </Select>
      </Field>
      <Button size="small" onClick={() => input.current?.click()}>
        {t("taskpane.profile.customFile")}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className={s.hiddenInput}
        aria-label={t("taskpane.profile.customFile")}
        data-testid="profile-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) props.onCustomFile(f.name, await readText(f));
        }}
      />
    </div>
  );
}

function readText(f: Blob): Promise<string> {
  if (typeof f.text === "function") return f.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}
