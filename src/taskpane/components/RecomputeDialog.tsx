import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import { t } from "../../i18n/catalog";

/** 全部按规则重算 (R-WRITE-2): replaces people's values, so it asks first. */
export function RecomputeDialog(props: { disabled?: boolean; onConfirm(): void }) {
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={props.disabled}>{t("taskpane.action.recompute")}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("taskpane.recompute.title")}</DialogTitle>
          <DialogContent>{t("taskpane.recompute.body")}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={props.onConfirm}>
                {t("taskpane.recompute.confirm")}
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t("taskpane.recompute.cancel")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
