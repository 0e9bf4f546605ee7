"""Writes N plausible member rows (headers in Vietnamese) for the import benchmark.

Usage: make_members_csv.py ORGS.csv N OUT.csv
"""
import csv
import random
import sys

orgs, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(1)
cells = [r["id"] for r in csv.DictReader(open(orgs, encoding="utf-8"))
         if r["kind"] in ("village_cell", "subordinate_cell", "grassroots_cell") and not r["dissolved"]]
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "K'", "Ka"]
middle = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thanh", "Hữu"]
given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hương", "Lan", "Long", "Mai", "Nam", "Phúc", "Sơn", "Thảo", "Tuấn"]
theory = ["sơ cấp", "trung cấp", "cao cấp", ""]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức",
                "Lý luận chính trị", "Số thẻ đảng viên"])
    for i in range(n):
        y = random.randint(1950, 2000)
        born = f"{random.randint(1, 28):02d}/{random.randint(1, 12):02d}/{y}"
        adm = f"{min(y + random.randint(19, 40), 2024)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
        conf = f"{int(adm[:4]) + 1}{adm[4:]}"
        w.writerow([f"{random.choice(family)} {random.choice(middle)} {random.choice(given)}", random.choice(["Nam", "Nữ"]), born,
                    "Kinh", f"0681{i:08d}", random.choice(cells), adm, conf, random.choice(theory), f"{30000000 + i}"])
