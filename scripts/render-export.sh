#!/usr/bin/env bash
# Renders an exported submission file so its print layout can be looked at (not part of CI):
# seeds → consolidated workbook (Phụ lục I, II, merge log, hidden helper) → `phuluc export --force`
# → PDF with LibreOffice headless → one PNG per page with pdftoppm, in test-artifacts/render-export/.
# Needs: apt-get install -y libreoffice-calc poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test-artifacts/render-export
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "Thiếu $tool: cài bằng 'apt-get install -y libreoffice-calc poppler-utils'." >&2
    exit 2
  fi
done
rm -rf "$OUT" && mkdir -p "$OUT"

# The consolidated workbook and the header texts, then the CLI's own export command.
npx tsx --eval "
import { promises as fs } from 'node:fs';
import { consolidatedWorkbookBuffer } from './test/helpers/consolidatedWorkbook';
import { exportCommand } from './src/cli/export';
const out = '$OUT';
(async () => {
await fs.writeFile(out + '/TongHop.xlsx', await consolidatedWorkbookBuffer());
await fs.writeFile(out + '/settings.json', JSON.stringify({
  kyBaoCao: '9T-2024', ngay: '2024-10-01', soKyHieu: '215/BC-STTTT',
  vanBanKemTheo: 'Báo cáo số 215/BC-STTTT ngày 01 tháng 10 năm 2024',
}));
const io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) };
process.exitCode = await exportCommand([out + '/TongHop.xlsx', '-o', out + '/', '--allow-errors', '--force', '--settings', out + '/settings.json'], io);
})();
"
XLSX=$(ls "$OUT"/STTTT_*.xlsx)
# A private profile so a running LibreOffice (or a first-run dialog) never gets in the way.
soffice --headless -env:UserInstallation=file:///tmp/phuluc-render-lo --convert-to pdf --outdir "$OUT" "$XLSX" >/dev/null
PDF="${XLSX%.xlsx}.pdf"
pdftoppm -png -r 70 "$PDF" "$OUT/page"
echo "Đã tạo: $PDF và $(ls "$OUT"/page-*.png | wc -l) trang PNG trong $OUT/"
