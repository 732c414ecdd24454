//! The corpus's vocabulary: names, places, agencies, campaigns, awards and
//! the sentences profiles are written from, each in Vietnamese and English.
//!
//! Kept apart from the code that draws from it so the tables can grow
//! without touching the logic. Sentences hold `{slot}` placeholders that
//! `profiles.rs` fills: `{S}`/`{s}` the subject at the start or in the
//! middle of a sentence, `{year}`, `{unit}`, `{province}`, `{campaign}`,
//! and the numbers `{a}` (small), `{b}` (hundreds to thousands), `{pct}`
//! and `{money}` (millions of đồng).

/// A Vietnamese text and its English counterpart.
pub type Pair = (&'static str, &'static str);

/// One emulation campaign: key (its slug), names, years it ran.
pub struct Campaign {
    pub key: &'static str,
    pub name: Pair,
    pub launched_by: Pair,
    pub years: (u16, u16),
}

pub const CAMPAIGNS: [Campaign; 12] = [
    Campaign {
        key: "vi-nguoi-ngheo",
        name: (
            "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
            "The whole nation joins hands for the poor – no one left behind",
        ),
        launched_by: ("Thủ tướng Chính phủ", "The Prime Minister"),
        years: (2016, 2025),
    },
    Campaign {
        key: "van-hoa-cong-so",
        name: (
            "Thi đua thực hiện văn hóa công sở",
            "Emulation in public-office culture",
        ),
        launched_by: ("Bộ Nội vụ", "The Ministry of Home Affairs"),
        years: (2019, 2025),
    },
    Campaign {
        key: "chuyen-doi-so",
        name: (
            "Thi đua đẩy mạnh chuyển đổi số",
            "Emulation to speed up digital transformation",
        ),
        launched_by: ("Ủy ban nhân dân tỉnh", "The Provincial People's Committee"),
        years: (2021, 2025),
    },
    Campaign {
        key: "dan-van-kheo",
        name: ("Dân vận khéo", "Skilful mass mobilisation"),
        launched_by: (
            "Ban Thường vụ Tỉnh ủy",
            "The Standing Board of the Provincial Party Committee",
        ),
        years: (2016, 2025),
    },
    Campaign {
        key: "nong-thon-moi",
        name: (
            "Chung sức xây dựng nông thôn mới",
            "Building new-style rural areas together",
        ),
        launched_by: ("Thủ tướng Chính phủ", "The Prime Minister"),
        years: (2016, 2025),
    },
    Campaign {
        key: "lam-theo-bac",
        name: (
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Studying and following Hồ Chí Minh's thought, ethics and style",
        ),
        launched_by: ("Bộ Chính trị", "The Politburo"),
        years: (2016, 2025),
    },
    Campaign {
        key: "sang-kien-cai-tien",
        name: (
            "Lao động sáng tạo, cải tiến lề lối làm việc",
            "Creative work and better working methods",
        ),
        launched_by: (
            "Liên đoàn Lao động tỉnh",
            "The Provincial Federation of Labour",
        ),
        years: (2017, 2024),
    },
    Campaign {
        key: "doi-song-van-hoa",
        name: (
            "Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư",
            "All people unite for a cultured life in their neighbourhood",
        ),
        launched_by: (
            "Ủy ban Mặt trận Tổ quốc tỉnh",
            "The Provincial Fatherland Front Committee",
        ),
        years: (2016, 2025),
    },
    Campaign {
        key: "bao-ve-an-ninh",
        name: (
            "Toàn dân bảo vệ an ninh Tổ quốc",
            "All people protect national security",
        ),
        launched_by: ("Công an tỉnh", "The Provincial Police"),
        years: (2016, 2025),
    },
    Campaign {
        key: "phu-nu-gioi-viec-nuoc",
        name: (
            "Phụ nữ giỏi việc nước, đảm việc nhà",
            "Women good at public work and at home",
        ),
        launched_by: ("Hội Liên hiệp Phụ nữ tỉnh", "The Provincial Women's Union"),
        years: (2016, 2025),
    },
    Campaign {
        key: "vung-dong-bao-dtts",
        name: (
            "Thi đua thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi",
            "Emulation in carrying out the National Target Programme for ethnic minority and mountainous areas",
        ),
        launched_by: ("Thủ tướng Chính phủ", "The Prime Minister"),
        years: (2021, 2025),
    },
    Campaign {
        key: "xoa-nha-tam",
        name: (
            "Chung tay xóa nhà tạm, nhà dột nát",
            "Joining hands to replace makeshift and run-down houses",
        ),
        launched_by: ("Thủ tướng Chính phủ", "The Prime Minister"),
        years: (2023, 2025),
    },
];

/// An award of the built-in catalogue, as a profile may hold it.
pub struct Award {
    pub key: &'static str,
    pub name: Pair,
    pub individual: bool,
    pub collective: bool,
}

const fn award(key: &'static str, name: Pair, individual: bool, collective: bool) -> Award {
    Award {
        key,
        name,
        individual,
        collective,
    }
}

/// Catalogue keys and names (vinhdanh's `data/award_types.toml`).
pub const AWARDS: [Award; 12] = [
    award(
        "lao-dong-tien-tien",
        ("Lao động tiên tiến", "Advanced Worker"),
        true,
        false,
    ),
    award(
        "chien-si-thi-dua-co-so",
        ("Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter"),
        true,
        false,
    ),
    award(
        "chien-si-thi-dua-cap-tinh",
        ("Chiến sĩ thi đua cấp tỉnh", "Provincial Emulation Fighter"),
        true,
        false,
    ),
    award(
        "tap-the-lao-dong-tien-tien",
        ("Tập thể lao động tiên tiến", "Advanced Labour Collective"),
        false,
        true,
    ),
    award(
        "tap-the-lao-dong-xuat-sac",
        ("Tập thể lao động xuất sắc", "Excellent Labour Collective"),
        false,
        true,
    ),
    award(
        "co-thi-dua-cap-tinh",
        ("Cờ thi đua cấp tỉnh", "Provincial Emulation Flag"),
        false,
        true,
    ),
    award(
        "giay-khen",
        ("Giấy khen", "Certificate of Commendation"),
        true,
        true,
    ),
    award(
        "bang-khen-cap-tinh",
        (
            "Bằng khen của Chủ tịch UBND tỉnh",
            "Certificate of Merit of the Provincial People's Committee Chairman",
        ),
        true,
        true,
    ),
    award(
        "bang-khen-thu-tuong",
        (
            "Bằng khen của Thủ tướng Chính phủ",
            "Prime Minister's Certificate of Merit",
        ),
        true,
        true,
    ),
    award(
        "huan-chuong-lao-dong-hang-ba",
        ("Huân chương Lao động hạng Ba", "Labour Order, Third Class"),
        true,
        true,
    ),
    award(
        "bang-khen-cap-bo",
        (
            "Bằng khen cấp bộ, ban, ngành",
            "Ministerial Certificate of Merit",
        ),
        true,
        true,
    ),
    award(
        "ky-niem-chuong",
        ("Kỷ niệm chương", "Commemorative Medal"),
        true,
        false,
    ),
];

pub const PROVINCES: [&str; 24] = [
    "Cao Bằng",
    "Lạng Sơn",
    "Hà Giang",
    "Tuyên Quang",
    "Thái Nguyên",
    "Bắc Kạn",
    "Lào Cai",
    "Yên Bái",
    "Sơn La",
    "Điện Biên",
    "Lai Châu",
    "Hòa Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Quảng Trị",
    "Quảng Ngãi",
    "Kon Tum",
    "Gia Lai",
    "Đắk Lắk",
    "Đắk Nông",
    "Lâm Đồng",
    "Bình Phước",
    "Trà Vinh",
    "Sóc Trăng",
];

/// Agencies of a province: Vietnamese and English with `{p}` for the
/// province, and the abbreviation decision numbers carry.
pub const AGENCIES: [(&str, &str, &str); 10] = [
    (
        "Ban Dân tộc tỉnh {p}",
        "{p} Provincial Ethnic Affairs Committee",
        "BDT",
    ),
    (
        "Sở Nội vụ tỉnh {p}",
        "{p} Department of Home Affairs",
        "SNV",
    ),
    (
        "Sở Giáo dục và Đào tạo tỉnh {p}",
        "{p} Department of Education and Training",
        "SGDĐT",
    ),
    ("Sở Y tế tỉnh {p}", "{p} Department of Health", "SYT"),
    ("Sở Tài chính tỉnh {p}", "{p} Department of Finance", "STC"),
    (
        "Sở Nông nghiệp và Môi trường tỉnh {p}",
        "{p} Department of Agriculture and Environment",
        "SNNMT",
    ),
    (
        "Văn phòng UBND tỉnh {p}",
        "Office of the {p} Provincial People's Committee",
        "VP",
    ),
    (
        "Sở Khoa học và Công nghệ tỉnh {p}",
        "{p} Department of Science and Technology",
        "SKHCN",
    ),
    (
        "Sở Văn hóa, Thể thao và Du lịch tỉnh {p}",
        "{p} Department of Culture, Sports and Tourism",
        "SVHTTDL",
    ),
    ("Sở Tư pháp tỉnh {p}", "{p} Department of Justice", "STP"),
];

/// Divisions inside an agency; a collective profile is one of them.
pub const DIVISIONS: [Pair; 10] = [
    ("Văn phòng", "Office"),
    ("Thanh tra", "Inspectorate"),
    (
        "Phòng Kế hoạch – Tổng hợp",
        "Planning and General Affairs Division",
    ),
    ("Phòng Tổ chức cán bộ", "Personnel Division"),
    ("Phòng Pháp chế", "Legal Affairs Division"),
    (
        "Phòng Kế hoạch – Tài chính",
        "Planning and Finance Division",
    ),
    ("Phòng Chính sách", "Policy Division"),
    ("Phòng Tuyên truyền", "Communication Division"),
    (
        "Phòng Quản lý chuyên ngành",
        "Specialised Management Division",
    ),
    (
        "Trung tâm Thông tin và Chuyển đổi số",
        "Centre for Information and Digital Transformation",
    ),
];

/// Positions of an individual; the division's name follows.
pub const ROLES: [Pair; 8] = [
    ("Chuyên viên", "Specialist"),
    ("Chuyên viên chính", "Principal Specialist"),
    ("Trưởng phòng", "Head"),
    ("Phó Trưởng phòng", "Deputy Head"),
    ("Kế toán viên", "Accountant"),
    ("Văn thư", "Records Clerk"),
    ("Thanh tra viên", "Inspector"),
    ("Nhân viên", "Staff member"),
];

pub const FAMILY_NAMES: [&str; 30] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Nông", "Hà", "Lò", "Triệu", "Bế", "Đàm", "Lục", "Sầm", "Mông",
    "Lương", "Đinh", "Trịnh", "Thạch", "Ma",
];
pub const MIDDLE_MEN: [&str; 10] = [
    "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Trọng", "Tiến", "Quốc",
];
pub const MIDDLE_WOMEN: [&str; 10] = [
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Bích", "Mỹ",
];
pub const GIVEN_MEN: [&str; 20] = [
    "Hùng", "Dũng", "Tuấn", "Long", "Nam", "Hải", "Sơn", "Thắng", "Cường", "Phong", "Khánh",
    "Quân", "Hiếu", "Trung", "Đạt", "Bình", "Tâm", "Toàn", "Hưng", "Lâm",
];
pub const GIVEN_WOMEN: [&str; 20] = [
    "Nhung", "Lan", "Hương", "Hoa", "Mai", "Thảo", "Trang", "Huyền", "Linh", "Ngân", "Yến", "Hạnh",
    "Thủy", "Oanh", "Loan", "Dung", "Giang", "Nga", "Tuyết", "Vân",
];

/// Headings of a profile's body.
pub const H_SUMMARY: Pair = ("Tóm tắt thành tích", "Summary of achievements");
pub const H_RESULTS: Pair = ("Kết quả nổi bật", "Main results");
pub const H_METHODS: Pair = ("Cách làm và sáng kiến", "Methods and initiatives");
pub const H_HISTORY: Pair = ("Quá trình khen thưởng", "Awards received");
pub const H_LESSONS: Pair = ("Bài học kinh nghiệm", "Lessons learned");
pub const TABLE_HEAD: Pair = (
    "| Năm | Hình thức khen thưởng | Số quyết định |",
    "| Year | Award | Decision |",
);

/// Opening paragraphs: who the subject is and what they did.
pub const SUMMARY: [Pair; 18] = [
    (
        "{S} luôn chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy chế làm việc của cơ quan, là tấm gương để đồng nghiệp noi theo.",
        "{S} has always kept to the Party's line, the State's laws and the agency's working rules, and is an example to colleagues.",
    ),
    (
        "Năm {year}, {s} hoàn thành xuất sắc mọi nhiệm vụ được giao và được lãnh đạo {unit} đánh giá cao.",
        "In {year}, {s} carried out every assigned task with distinction and was praised by the leaders of the {unit}.",
    ),
    (
        "Với tinh thần trách nhiệm cao, {s} đã chủ động đề xuất nhiều việc làm cụ thể, bảo đảm tiến độ và chất lượng của các nhiệm vụ trọng tâm trong năm.",
        "With a strong sense of duty, {s} put forward many concrete steps that kept the year's main tasks on time and of good quality.",
    ),
    (
        "Hưởng ứng phong trào “{campaign}”, {s} đã đăng ký và thực hiện đầy đủ các nội dung thi đua, góp phần vào kết quả chung của toàn ngành.",
        "Answering the call of the campaign “{campaign}”, {s} signed up for and met every emulation target, adding to the results of the whole sector.",
    ),
    (
        "Công tác tham mưu, tổng hợp và báo cáo được thực hiện kịp thời, chính xác, đúng quy định; không có văn bản nào phải trả lại vì sai sót.",
        "Advice, synthesis and reports were delivered on time, accurately and by the rules; no document had to be sent back for errors.",
    ),
    (
        "Tinh thần đoàn kết trong tập thể luôn được giữ vững, tạo điều kiện để mỗi người phát huy năng lực và sở trường của mình.",
        "Unity within the team was kept, so that each member could make the most of their abilities.",
    ),
    (
        "Nhiều mô hình hay được nhân rộng, mang lại lợi ích thiết thực cho đồng bào các dân tộc trên địa bàn tỉnh {province}.",
        "Several good models were spread further, bringing real benefits to the ethnic communities of {province} province.",
    ),
    (
        "{S} phối hợp chặt chẽ với các sở, ngành và Ủy ban nhân dân các huyện trong triển khai chương trình, dự án tại cơ sở.",
        "{S} worked closely with departments and district People's Committees to carry out programmes and projects on the ground.",
    ),
    (
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt {pct}%, vượt chỉ tiêu của kế hoạch năm.",
        "{pct}% of work files were handled online, above the year's target.",
    ),
    (
        "{S} thường xuyên tự học, tham gia đầy đủ các lớp bồi dưỡng chuyên môn, nghiệp vụ và lý luận chính trị để đáp ứng yêu cầu nhiệm vụ mới.",
        "{S} studied continuously and took every professional and political training course offered, to keep up with new tasks.",
    ),
    (
        "Kết quả đánh giá, xếp loại chất lượng năm {year} đạt mức hoàn thành xuất sắc nhiệm vụ, được tập thể cơ quan thống nhất đề nghị khen thưởng.",
        "The {year} assessment rated the work as excellent, and the whole agency agreed to propose it for an award.",
    ),
    (
        "Công tác cải cách hành chính được triển khai quyết liệt, mức độ hài lòng của người dân và doanh nghiệp đạt {pct}%.",
        "Administrative reform was pushed firmly, and {pct}% of citizens and businesses said they were satisfied.",
    ),
    (
        "Trong năm đã tổ chức {a} hội nghị tuyên truyền, phổ biến chính sách, pháp luật với hơn {b} lượt người tham dự.",
        "During the year {a} outreach meetings on policies and laws drew more than {b} attendances.",
    ),
    (
        "Không có cán bộ, công chức nào vi phạm kỷ luật; không có đơn thư phản ánh về thái độ phục vụ người dân.",
        "No official broke the rules, and there was no complaint about the way citizens were served.",
    ),
    (
        "{S} giữ gìn lối sống giản dị, lành mạnh, gần gũi với đồng nghiệp và nhân dân, được mọi người tin yêu, quý trọng.",
        "{S} lives simply and honestly, close to colleagues and citizens, and is trusted and respected by all.",
    ),
    (
        "Ngoài nhiệm vụ chuyên môn, {s} còn tích cực tham gia hoạt động công đoàn, đoàn thanh niên và các phong trào văn hóa, thể thao của cơ quan.",
        "Besides professional work, {s} took part in trade union and youth union activities and in the agency's cultural and sports events.",
    ),
    (
        "Cơ quan đã vận động các tổ chức, cá nhân ủng hộ {money} triệu đồng cho Quỹ Vì người nghèo của tỉnh.",
        "Organisations and individuals were moved to give {money} million đồng to the province's Fund for the Poor.",
    ),
    (
        "Dù nguồn lực còn hạn chế, {s} đã nỗ lực vượt khó để hoàn thành toàn bộ chỉ tiêu được giao trước thời hạn.",
        "Despite limited means, {s} worked hard to meet every target before the deadline.",
    ),
];

/// Bullet points of the results section.
pub const RESULTS: [Pair; 12] = [
    (
        "Tham mưu ban hành **{a} văn bản** chỉ đạo, hướng dẫn thực hiện chính sách.",
        "Drafted **{a} instructions** on carrying out policies.",
    ),
    (
        "Giải quyết đúng hạn **{pct}%** hồ sơ thủ tục hành chính.",
        "Settled **{pct}%** of administrative files on time.",
    ),
    (
        "Tổ chức **{a} lớp tập huấn** cho hơn {b} lượt cán bộ cơ sở.",
        "Ran **{a} training courses** for more than {b} local officials.",
    ),
    (
        "Hỗ trợ xây dựng **{a} căn nhà** cho hộ nghèo, hộ có hoàn cảnh khó khăn.",
        "Helped build **{a} houses** for poor families.",
    ),
    (
        "Giải ngân **{pct}%** kế hoạch vốn được giao, cao hơn bình quân chung của tỉnh.",
        "Disbursed **{pct}%** of the allotted funds, above the provincial average.",
    ),
    (
        "Đề xuất **{a} sáng kiến** được Hội đồng sáng kiến cấp cơ sở công nhận.",
        "Proposed **{a} initiatives** recognised by the grassroots innovation council.",
    ),
    (
        "Kiểm tra, giám sát tại **{a} xã**, kịp thời chấn chỉnh các thiếu sót.",
        "Inspected **{a} communes** and had shortcomings corrected promptly.",
    ),
    (
        "Vận động được **{money} triệu đồng** cho các hoạt động an sinh xã hội.",
        "Raised **{money} million đồng** for social welfare.",
    ),
    (
        "Cấp phát **{b} thẻ bảo hiểm y tế** cho người dân vùng khó khăn.",
        "Issued **{b} health insurance cards** to people in poor areas.",
    ),
    (
        "Số hóa **{b} hồ sơ lưu trữ**, phục vụ tra cứu trên môi trường mạng.",
        "Digitised **{b} archive files** for online search.",
    ),
    (
        "Tiếp nhận và trả lời đúng hạn **{a} kiến nghị** của cử tri.",
        "Received and answered **{a} petitions** from voters on time.",
    ),
    (
        "Phối hợp tổ chức **{a} đợt khám bệnh** miễn phí cho hơn {b} người.",
        "Co-organised **{a} free health checks** for more than {b} people.",
    ),
];

/// Sentences of the methods section.
pub const METHODS: [Pair; 14] = [
    (
        "Mỗi tháng, {s} lập kế hoạch công việc chi tiết, phân công rõ người, rõ việc, rõ thời hạn và kiểm tra tiến độ hằng tuần.",
        "Each month {s} drew up a detailed work plan naming who does what by when, and checked progress every week.",
    ),
    (
        "Phần mềm quản lý văn bản và hồ sơ công việc được dùng thống nhất, rút ngắn thời gian xử lý còn một nửa.",
        "One shared system for documents and work files halved the time needed to handle them.",
    ),
    (
        "Cán bộ được cử xuống thôn, bản nắm tình hình, lắng nghe ý kiến người có uy tín và giải đáp thắc mắc của bà con ngay tại chỗ.",
        "Officials were sent to villages to learn the situation, listen to respected elders and answer people's questions on the spot.",
    ),
    (
        "Các cuộc họp được rút gọn, tài liệu gửi trước qua mạng, nhờ đó tiết kiệm được thời gian và kinh phí.",
        "Meetings were shortened and papers sent online in advance, saving time and money.",
    ),
    (
        "Sổ tay hỏi – đáp về chính sách được biên soạn bằng tiếng Việt và tiếng dân tộc, phát tới từng hộ gia đình.",
        "A question-and-answer booklet on policies was written in Vietnamese and in ethnic languages and handed to every household.",
    ),
    (
        "{S} chủ động phối hợp với Mặt trận Tổ quốc và các đoàn thể để huy động nguồn lực xã hội hóa cho các công trình dân sinh.",
        "{S} worked with the Fatherland Front and mass organisations to raise private funds for community works.",
    ),
    (
        "Cơ sở dữ liệu về đối tượng thụ hưởng chính sách được xây dựng và cập nhật thường xuyên, bảo đảm công khai, minh bạch.",
        "A database of policy beneficiaries was built and kept up to date, open and transparent.",
    ),
    (
        "Định kỳ sáu tháng, đơn vị sơ kết, rút kinh nghiệm và điều chỉnh cách làm cho phù hợp với thực tế.",
        "Every six months the unit reviewed its work and adjusted its methods to the facts on the ground.",
    ),
    (
        "Ý kiến của người dân về chất lượng phục vụ được lấy qua phiếu khảo sát và đường dây nóng, những hạn chế được khắc phục ngay.",
        "Citizens' views on service were gathered by survey and hotline, and weaknesses were fixed at once.",
    ),
    (
        "Thanh toán không dùng tiền mặt và dịch vụ công trực tuyến toàn trình được khuyến khích trong toàn đơn vị.",
        "Cashless payment and fully online public services were encouraged throughout the unit.",
    ),
    (
        "Những cán bộ trẻ được giao việc khó, có người kèm cặp, nhờ vậy trưởng thành nhanh trong công tác.",
        "Young officials were given hard tasks with a mentor beside them, and grew quickly in their work.",
    ),
    (
        "Chế độ báo cáo định kỳ và đột xuất được thực hiện nghiêm túc, số liệu được đối chiếu kỹ trước khi gửi cấp trên.",
        "Regular and ad hoc reports were kept up strictly, and figures were checked before being sent up.",
    ),
    (
        "{S} đề xuất đơn giản hóa {a} thủ tục hành chính, giảm bớt giấy tờ và số lần người dân phải đi lại.",
        "{S} proposed simplifying {a} administrative procedures, cutting paperwork and trips for citizens.",
    ),
    (
        "Các tổ công tác liên ngành được thành lập để tháo gỡ kịp thời vướng mắc về đất đai, vốn và thủ tục đầu tư.",
        "Inter-agency teams were set up to clear problems with land, funds and investment procedures quickly.",
    ),
];

/// The lessons, always in this order.
pub const LESSONS: [Pair; 5] = [
    (
        "Thứ nhất, phải nắm chắc chủ trương của cấp ủy, chính quyền và cụ thể hóa thành kế hoạch sát với thực tế.",
        "First, understand the directions of Party committees and authorities and turn them into realistic plans.",
    ),
    (
        "Thứ hai, người đứng đầu phải gương mẫu, dám nghĩ, dám làm, dám chịu trách nhiệm.",
        "Second, leaders must set the example and dare to think, act and answer for it.",
    ),
    (
        "Thứ ba, lấy sự hài lòng của người dân làm thước đo hiệu quả công việc.",
        "Third, take citizens' satisfaction as the measure of the work.",
    ),
    (
        "Thứ tư, phát huy sức mạnh của cả hệ thống chính trị và sự đồng thuận của nhân dân.",
        "Fourth, draw on the whole political system and on public consent.",
    ),
    (
        "Thứ năm, không ngừng đổi mới, sáng tạo và ứng dụng công nghệ vào công việc hằng ngày.",
        "Fifth, keep renewing methods and putting technology to use every day.",
    ),
];

/// A sentence with an external link; `{key}` is the campaign's key.
pub const LINK: Pair = (
    "Kết quả phong trào được công bố trên [Cổng thông tin thi đua – khen thưởng](https://thiduakhenthuong.example.gov.vn/phong-trao/{key}).",
    "The campaign's results are published on the [emulation and awards portal](https://thiduakhenthuong.example.gov.vn/phong-trao/{key}).",
);

/// The closing sentence; `{awards}` lists the profile's awards.
pub const CLOSING: Pair = (
    "Với những thành tích trên, {s} được đề nghị xét tặng: {awards}.",
    "For these achievements, {s} was proposed for: {awards}.",
);

/// A footnote on the decision that recognised the subject.
pub const FOOTNOTE: Pair = (
    "Theo Quyết định số {decision} ngày {day}/12/{year} về việc công nhận danh hiệu thi đua.",
    "Decision No. {decision} of {day} December {year} recognising emulation titles.",
);

/// Site-wide texts.
pub const SITE_TITLE: Pair = (
    "Gương điển hình tiên tiến",
    "Exemplary Collectives and Individuals",
);
pub const SITE_DESCRIPTION: Pair = (
    "Cơ sở dữ liệu tổng hợp các tập thể, cá nhân điển hình tiên tiến (dữ liệu mô phỏng để đo hiệu năng).",
    "A database of exemplary collectives and individuals (synthetic data for benchmarks).",
);
