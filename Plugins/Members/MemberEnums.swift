import CosoCore

enum MemberEnums {
    static let gender = EnumType(id: "gender", label: Label(vi: "Giới tính", en: "Gender"), cases: [
        .init("male", vi: "nam", en: "male"),
        .init("female", vi: "nữ", en: "female"),
    ])

    /// The 54 peoples as the General Statistics Office lists them, each with the other names in
    /// common use (Decision 121-TCTK/PPCĐ, 1979), so that "K'Ho" or "Kơ Ho" reads as the Cơ-ho.
    static let ethnicity = EnumType(id: "ethnicity", label: Label(vi: "Dân tộc", en: "Ethnicity"), cases: [
        .init("kinh", vi: "Kinh", en: "Kinh", also: ["Việt"]),
        .init("tay", vi: "Tày", en: "Tày"),
        .init("thai", vi: "Thái", en: "Thái"),
        .init("hoa", vi: "Hoa", en: "Hoa", also: ["Hán"]),
        .init("khmer", vi: "Khơ-me", en: "Khơ-me", also: ["Khmer", "Khơ-me Krôm"]),
        .init("muong", vi: "Mường", en: "Mường"),
        .init("nung", vi: "Nùng", en: "Nùng"),
        .init("hmong", vi: "Mông", en: "Mông", also: ["H'Mông", "Hmông", "Hmong"]),
        .init("dao", vi: "Dao", en: "Dao"),
        .init("gia_rai", vi: "Gia-rai", en: "Gia-rai", also: ["Giơ-rai", "Jơ-rai", "Jarai"]),
        .init("ngai", vi: "Ngái", en: "Ngái"),
        .init("e_de", vi: "Ê-đê", en: "Ê-đê", also: ["Ra-đê", "Rhade"]),
        .init("ba_na", vi: "Ba-na", en: "Ba-na", also: ["Bahnar"]),
        .init("xo_dang", vi: "Xơ-đăng", en: "Xơ-đăng", also: ["Xơ-teng", "Sedang"]),
        .init("san_chay", vi: "Sán Chay", en: "Sán Chay", also: ["Cao Lan", "Sán Chỉ"]),
        .init("co_ho", vi: "Cơ-ho", en: "Cơ-ho", also: ["K'Ho", "Kơ Ho", "Koho", "Xrê", "Nốp", "Cơ-don", "Chil", "Lạt", "Tơ-ring"]),
        .init("cham", vi: "Chăm", en: "Chăm", also: ["Chàm"]),
        .init("san_diu", vi: "Sán Dìu", en: "Sán Dìu", also: ["Sán Dẻo"]),
        .init("hre", vi: "Hrê", en: "Hrê", also: ["H'rê", "Chăm Rê"]),
        .init("mnong", vi: "Mnông", en: "Mnông", also: ["M'Nông", "Pnông"]),
        .init("ra_glai", vi: "Ra-glai", en: "Ra-glai", also: ["Ra-clây", "Raglai"]),
        .init("xtieng", vi: "Xtiêng", en: "Xtiêng", also: ["S'Tiêng", "Xa Điêng"]),
        .init("bru_van_kieu", vi: "Bru-Vân Kiều", en: "Bru-Vân Kiều", also: ["Bru", "Vân Kiều", "Măng Coong", "Khùa"]),
        .init("tho", vi: "Thổ", en: "Thổ"),
        .init("giay", vi: "Giáy", en: "Giáy", also: ["Nhắng", "Dẩng"]),
        .init("co_tu", vi: "Cơ-tu", en: "Cơ-tu", also: ["Ca-tu", "Katu"]),
        .init("gie_trieng", vi: "Gié-Triêng", en: "Gié-Triêng", also: ["Giẻ", "Triêng", "Ve", "Bnoong"]),
        .init("ma", vi: "Mạ", en: "Mạ", also: ["Châu Mạ"]),
        .init("kho_mu", vi: "Khơ-mú", en: "Khơ-mú", also: ["Xá Cẩu", "Khmu"]),
        .init("co", vi: "Co", en: "Co"),
        .init("ta_oi", vi: "Tà-ôi", en: "Tà-ôi", also: ["Pa-cô", "Pa Kô"]),
        .init("cho_ro", vi: "Chơ-ro", en: "Chơ-ro", also: ["Châu-ro"]),
        .init("khang", vi: "Kháng", en: "Kháng"),
        .init("xinh_mun", vi: "Xinh-mun", en: "Xinh-mun", also: ["Puộc"]),
        .init("ha_nhi", vi: "Hà Nhì", en: "Hà Nhì", also: ["U Ni"]),
        .init("chu_ru", vi: "Chu-ru", en: "Chu-ru", also: ["Chơ-ru"]),
        .init("lao", vi: "Lào", en: "Lào"),
        .init("la_chi", vi: "La Chí", en: "La Chí"),
        .init("la_ha", vi: "La Ha", en: "La Ha"),
        .init("phu_la", vi: "Phù Lá", en: "Phù Lá", also: ["Xá Phó"]),
        .init("la_hu", vi: "La Hủ", en: "La Hủ"),
        .init("lu", vi: "Lự", en: "Lự"),
        .init("lo_lo", vi: "Lô Lô", en: "Lô Lô", also: ["Mun Di"]),
        .init("chut", vi: "Chứt", en: "Chứt"),
        .init("mang", vi: "Mảng", en: "Mảng"),
        .init("pa_then", vi: "Pà Thẻn", en: "Pà Thẻn"),
        .init("co_lao", vi: "Cờ Lao", en: "Cờ Lao"),
        .init("cong", vi: "Cống", en: "Cống"),
        .init("bo_y", vi: "Bố Y", en: "Bố Y", also: ["Chủng Chá"]),
        .init("si_la", vi: "Si La", en: "Si La"),
        .init("pu_peo", vi: "Pu Péo", en: "Pu Péo"),
        .init("brau", vi: "Brâu", en: "Brâu", also: ["Brao"]),
        .init("o_du", vi: "Ơ-đu", en: "Ơ-đu", also: ["Tày Hạt"]),
        .init("ro_mam", vi: "Rơ-măm", en: "Rơ-măm"),
        .init("foreign_origin", vi: "Người nước ngoài nhập quốc tịch", en: "naturalised foreign origin"),
    ])

    static let religion = EnumType(id: "religion", label: Label(vi: "Tôn giáo", en: "Religion"), cases: [
        .init("none", vi: "Không theo tôn giáo", en: "none"),
        .init("buddhism", vi: "Phật giáo", en: "Buddhism"),
        .init("catholic", vi: "Công giáo", en: "Catholic"),
        .init("protestant", vi: "Tin Lành", en: "Protestant"),
        .init("caodai", vi: "Cao Đài", en: "Cao Dai"),
        .init("hoahao", vi: "Phật giáo Hòa Hảo", en: "Hoa Hao Buddhism"),
        .init("islam", vi: "Hồi giáo", en: "Islam"),
        .init("other", vi: "khác", en: "other"),
    ])

    static let occupation = EnumType(id: "occupation", label: Label(vi: "Nghề nghiệp", en: "Occupation"), cases: [
        .init("farmer", vi: "nông dân", en: "farmer"),
        .init("worker", vi: "công nhân", en: "worker"),
        .init("civil_servant", vi: "cán bộ, công chức", en: "civil servant"),
        .init("public_employee", vi: "viên chức", en: "public employee"),
        .init("armed_forces", vi: "lực lượng vũ trang", en: "armed forces"),
        .init("enterprise_employee", vi: "người lao động trong doanh nghiệp", en: "enterprise employee"),
        .init("private_business_owner", vi: "chủ doanh nghiệp tư nhân", en: "private business owner"),
        .init("self_employed", vi: "kinh doanh cá thể, tự do", en: "self-employed"),
        .init("student", vi: "học sinh, sinh viên", en: "student"),
        .init("retired", vi: "nghỉ hưu", en: "retired"),
        .init("other", vi: "khác", en: "other"),
    ])

    static let generalEducation = EnumType(id: "general_education", label: Label(vi: "Giáo dục phổ thông", en: "General education"), cases: [
        .init("primary", vi: "tiểu học", en: "primary"),
        .init("lower_secondary", vi: "trung học cơ sở", en: "lower secondary"),
        .init("upper_secondary", vi: "trung học phổ thông", en: "upper secondary"),
    ])

    static let qualification = EnumType(id: "qualification", label: Label(vi: "Chuyên môn", en: "Qualification"), cases: [
        .init("none", vi: "chưa qua đào tạo", en: "none"),
        .init("vocational", vi: "sơ cấp, nghề", en: "vocational"),
        .init("professional_secondary", vi: "trung cấp", en: "professional secondary"),
        .init("college", vi: "cao đẳng", en: "college"),
        .init("university", vi: "đại học", en: "university"),
        .init("master", vi: "thạc sĩ", en: "master"),
        .init("doctor", vi: "tiến sĩ", en: "doctorate"),
    ])

    static let theoryLevel = EnumType(id: "theory_level", label: Label(vi: "Lý luận chính trị", en: "Political theory"), cases: [
        .init("none", vi: "chưa qua đào tạo", en: "none"),
        .init("elementary", vi: "sơ cấp", en: "elementary"),
        .init("intermediate", vi: "trung cấp", en: "intermediate"),
        .init("advanced", vi: "cao cấp", en: "advanced"),
        .init("bachelor", vi: "cử nhân", en: "bachelor"),
    ])

    static let memberStatus = EnumType(id: "member_status", label: Label(vi: "Tình trạng", en: "Status"), cases: [
        .init("probationary", vi: "dự bị", en: "probationary"),
        .init("official", vi: "chính thức", en: "full member"),
        .init("exempted", vi: "miễn công tác và sinh hoạt đảng", en: "exempted"),
        .init("suspended", vi: "đình chỉ sinh hoạt", en: "suspended"),
        .init("transferred_out", vi: "đã chuyển đi", en: "transferred out"),
        .init("deceased", vi: "đã từ trần", en: "deceased"),
        .init("removed", vi: "xóa tên", en: "struck off"),
        .init("expelled", vi: "khai trừ", en: "expelled"),
        .init("withdrew", vi: "xin ra khỏi Đảng", en: "withdrew"),
    ])

    static let exemptionReason = EnumType(id: "exemption_reason", label: Label(vi: "Lý do miễn công tác và sinh hoạt đảng", en: "Exemption reason"), cases: [
        .init("old_age", vi: "tuổi cao", en: "old age"),
        .init("ill_health", vi: "sức khỏe yếu", en: "ill health"),
    ])

    static let removalReason = EnumType(id: "removal_reason", label: Label(vi: "Lý do xóa tên", en: "Reason struck off"), cases: [
        .init("absent", vi: "bỏ sinh hoạt", en: "abandoned meetings"),
        .init("unpaid_fees", vi: "không đóng đảng phí", en: "unpaid fees"),
        .init("card_returned", vi: "trả thẻ, hủy thẻ", en: "returned or destroyed the card"),
        .init("not_improved", vi: "không tiến bộ sau giáo dục", en: "not improved after education"),
        .init("breached_standards", vi: "vi phạm tư cách hai năm liền", en: "breached standards two years running"),
        .init("failed_probation", vi: "không đủ tư cách đảng viên chính thức", en: "did not qualify after probation"),
        .init("political", vi: "không đủ tiêu chuẩn chính trị", en: "failed the political standard"),
        .init("other", vi: "khác", en: "other"),
    ])

    static let all = [gender, ethnicity, religion, occupation, generalEducation, qualification, theoryLevel, memberStatus, exemptionReason, removalReason]

    /// Statuses of members still on the roll.
    static let onRoll: Set<String> = ["probationary", "official", "exempted", "suspended"]
}
