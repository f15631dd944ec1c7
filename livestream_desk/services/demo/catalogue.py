"""Static data for the demo generator (services/demo/): Jiangxi specialties, who makes them,
where they come from, the live rooms that sell them and the calendar they sell to.

Only data lives here; the rules that turn it into livestreams and sales are in the package's
other modules.
Money is integer fen. Seasons are 12 multipliers, January first (0 = not on sale that month).
Names, SKUs, specs, prices and Douyin product ids of the products that also appear in the
sample exports (../shared/samples) agree with them, so importing a sample into a demo database
finds the demo's products (by 商家编码 or Douyin product id) instead of creating new ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...db.models import Platform

PROVINCE = "江西省"


# --- seasons (Jan … Dec) ------------------------------------------------------------------------

SEASONS: dict[str, tuple[float, ...]] = {
    "year": (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    # 皇菊: picked and dried from October; sells all year as tea, best in the new-crop months.
    "huangju": (1.2, 0.8, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.8, 2.2, 2.4, 1.8),
    # green tea: 明前 / 春茶 new season in spring, gift boxes around New Year.
    "green_tea": (1.0, 0.6, 1.8, 2.4, 1.6, 1.0, 0.6, 0.6, 0.8, 0.9, 1.0, 1.2),
    # black tea: warming, winter and gift season.
    "black_tea": (1.4, 0.9, 0.8, 0.8, 0.7, 0.7, 0.6, 0.6, 0.9, 1.1, 1.3, 1.4),
    # 南丰蜜桔 ripens in November; fresh fruit is sold only in season.
    "nanfeng_orange": (2.0, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.6, 3.0),
    # 新余蜜桔 is earlier, from late October.
    "xinyu_orange": (1.2, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.2, 3.0, 2.5),
    # 赣南脐橙 from November to early spring.
    "navel_orange": (2.5, 1.3, 0.4, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.4, 3.0),
    # cured and frozen meat: 腊味 and New Year gifts.
    "winter_meat": (2.6, 1.0, 0.4, 0.3, 0.2, 0.2, 0.2, 0.2, 0.4, 0.6, 1.3, 2.3),
    # poultry and eggs: steady, more in winter (炖汤) and for 月子.
    "poultry": (1.6, 1.0, 0.9, 0.9, 0.8, 0.8, 0.7, 0.7, 0.9, 1.0, 1.2, 1.4),
    # 藜蒿: the Poyang lake spring vegetable, winter to April.
    "lihao": (2.5, 2.5, 2.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.5),
    # 白莲: new lotus seeds in summer, sweet soups in the heat.
    "lotus": (1.0, 0.8, 0.8, 0.8, 1.0, 1.2, 1.6, 1.6, 1.3, 1.0, 0.9, 1.0),
    # rice: new rice from October.
    "rice": (1.2, 1.0, 0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 1.0, 1.4, 1.4, 1.3),
    # gifts and handicrafts: New Year, 中秋 (Sept), year end.
    "gift": (1.8, 0.9, 0.7, 0.7, 0.8, 0.9, 0.7, 0.8, 1.4, 1.0, 1.1, 1.4),
}

# How busy the whole shop is in each month of the year, before growth and festival timing.
# Festival effects tied to dates (年货节 / 春节 break, see below) are added per calendar day.
MONTH_SEASON: tuple[float, ...] = (1.1, 1.0, 0.85, 0.85, 0.9, 1.1, 0.6, 0.65, 0.95, 1.1, 1.8, 1.35)

# 春节 (lunar new year's day). 年货节 runs in the weeks before it; couriers stop around it.
SPRING_FESTIVAL: dict[int, date] = {
    2015: date(2015, 2, 19), 2016: date(2016, 2, 8), 2017: date(2017, 1, 28), 2018: date(2018, 2, 16),
    2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1),
    2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
    2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13), 2030: date(2030, 2, 3),
    2031: date(2031, 1, 23), 2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
}
NIANHUO_DAYS_BEFORE = (35, 8)  # 年货节: from 35 to 8 days before 春节
BREAK_DAYS = (-7, 6)  # 春节 break: couriers stop, few streams


# --- categories, producers, products ---------------------------------------------------------

CATEGORIES: tuple[str, ...] = ("茶叶", "水果", "粮油", "干货", "禽蛋", "时令蔬菜", "土特产", "手工艺品")

# Categories whose goods spoil: more refunds (坏果, 破损), mostly whole.
FRESH_CATEGORIES = frozenset({"水果", "时令蔬菜", "禽蛋"})


@dataclass(frozen=True)
class ProducerInfo:
    key: str
    name: str
    kind: str  # 合作社 / 农户 / 企业
    contact: str
    village: str
    notes: str = ""


PRODUCERS: tuple[ProducerInfo, ...] = (
    ProducerInfo("wy_huangju", "婺源县江湾皇菊种植专业合作社", "合作社", "江建国 139****2716", "篁岭村",
                 "带动篁岭村及周边 86 户种植皇菊 420 亩"),
    ProducerInfo("xs_ninghong", "修水县宁红茶叶专业合作社", "合作社", "朱明华 137****0562", "",
                 "漫江乡高山茶园，统一收青、统一加工"),
    ProducerInfo("lizhi", "李知", "农户", "李知 158****3309", "",
                 "返乡青年，自家 30 亩高山皇菊，直播间主理人"),
    ProducerInfo("ls_tea", "庐山市秀峰茶厂", "企业", "销售部 0792-2******", "", "庐山云雾茶定点加工"),
    ProducerInfo("sc_ggn", "遂川县汤湖狗牯脑茶叶专业合作社", "合作社", "郭远平 139****8841", "", ""),
    ProducerInfo("ys_hehong", "铅山县河口河红茶业有限公司", "企业", "销售部 0793-5******", "", ""),
    ProducerInfo("jj_chabing", "九江桂花茶饼食品厂", "企业", "门市部 0792-8******", "", "传统手工茶饼"),
    ProducerInfo("nf_orange", "南丰县太和蜜桔专业合作社", "合作社", "曾小勇 135****7720", "",
                 "社员 120 户，果园 2600 亩"),
    ProducerInfo("xy_orange", "新余市渝水区罗坊蜜桔种植专业合作社", "合作社", "黄卫东 138****1957", "", ""),
    ProducerInfo("xf_navel", "信丰县安西脐橙专业合作社", "合作社", "刘德才 136****4418", "",
                 "赣南脐橙发源地，果园统一溯源编码"),
    ProducerInfo("wn_rice", "万年县裴梅贡米专业合作社", "合作社", "吴志刚 139****6635", "荷溪村",
                 "荷溪村贡米基地，订单收购"),
    ProducerInfo("yc_rice", "宜春市袁州区富硒稻米专业合作社", "合作社", "易红梅 150****2290", "", ""),
    ProducerInfo("xg_oil", "兴国县长冈油茶专业合作社", "合作社", "钟福生 133****5176", "",
                 "古法压榨，带动脱贫户 40 户"),
    ProducerInfo("xj_noodle", "峡江县巴邱米粉厂", "企业", "厂部 0796-3******", "", ""),
    ProducerInfo("gc_lotus", "广昌县驿前白莲专业合作社", "合作社", "赖春花 152****0147", "姚西村",
                 "姚西村白莲基地 800 亩"),
    ProducerInfo("jgs_bamboo", "井冈山市神山村竹木专业合作社", "合作社", "彭水生 139****5510", "神山村",
                 "笋干、竹编，村集体入股"),
    ProducerInfo("yg_pepper", "余干县枫树辣椒专业合作社", "合作社", "胡建平 134****8803", "", ""),
    ProducerInfo("cy_jujube", "崇义县齐云山下食品厂", "企业", "门市部 0797-3******", "", "南酸枣糕、酸枣粒"),
    ProducerInfo("dc_fish", "都昌县周溪渔业专业合作社", "合作社", "邵长根 135****6092", "",
                 "鄱阳湖禁捕后转为人工养殖银鱼"),
    ProducerInfo("th_chicken", "泰和县武山乌鸡专业合作社", "合作社", "肖国强 139****4463", "汪陂途村",
                 "泰和乌鸡原产地保种"),
    ProducerInfo("huang_chunsheng", "黄春生", "农户", "黄春生 187****9021", "", "林下散养崇仁麻鸡 2000 羽"),
    ProducerInfo("zhou_dewang", "周德旺", "农户", "周德旺 159****3387", "", "湖洲藜蒿 15 亩"),
    ProducerInfo("dy_duck", "大余县南安板鸭加工厂", "企业", "厂部 0797-8******", "", ""),
    ProducerInfo("af_ham", "安福县火腿加工厂", "企业", "厂部 0796-7******", "", ""),
    ProducerInfo("jdz_ceramic", "景德镇市青窑陶瓷工作室", "企业", "陈师傅 138****2681", "", "手绘青花，柴窑烧制"),
)


@dataclass(frozen=True)
class ProductInfo:
    name: str
    sku: str
    category: str
    spec: str
    unit: str
    list_price_fen: int
    live_price_fen: int
    cost_fen: int
    county: str
    town: str
    village: str
    producer: str  # ProducerInfo.key
    certifications: tuple[str, ...]
    shelf_life_days: int | None
    season: str  # SEASONS key
    popularity: float  # relative sales weight
    tags: frozenset[str]  # what accounts focus on and themes push
    talking_points: tuple[str, ...]
    douyin_id: str = ""  # fixed where the sample exports use one; generated otherwise
    platforms: tuple[str, ...] = (Platform.DOUYIN, Platform.KUAISHOU, Platform.SHIPINHAO, Platform.TAOBAO, Platform.JD)
    sold_until: float = 1.0  # share of the demo range after which the product is no longer sold
    archived: bool = False
    notes: str = ""


def _tags(*names: str) -> frozenset[str]:
    return frozenset(names)


_FRESH_PLATFORMS = (Platform.DOUYIN, Platform.KUAISHOU, Platform.SHIPINHAO)

PRODUCTS: tuple[ProductInfo, ...] = (
    ProductInfo(
        "婺源皇菊", "JX-HJ-050", "茶叶", "50朵/盒", "盒", 5990, 3990, 1500,
        "婺源县", "江湾镇", "篁岭村", "wy_huangju", ("地理标志", "绿色食品"), 540, "huangju", 10.0,
        _tags("huangju", "tea", "gift", "hero"),
        ("一朵一杯，冲泡后金黄透亮", "篁岭高山种植，头茬花手工采摘", "低温烘干，花形完整不散瓣", "送长辈送客户都体面"),
        douyin_id="3581102234",
    ),
    ProductInfo(
        "婺源皇菊 一杯一朵礼盒", "JX-HJ-020L", "茶叶", "20朵/盒 礼盒装", "盒", 8800, 6800, 2600,
        "婺源县", "江湾镇", "篁岭村", "wy_huangju", ("地理标志", "绿色食品"), 540, "huangju", 3.0,
        _tags("huangju", "tea", "gift"),
        ("独立小袋，出差办公带着方便", "烫金礼盒，年节送礼首选", "直径 8 厘米以上大花"),
    ),
    ProductInfo(
        "修水高山皇菊", "JX-HJ-030", "茶叶", "30朵/罐", "罐", 4800, 3290, 1200,
        "修水县", "黄港镇", "", "lizhi", ("绿色食品",), 540, "huangju", 6.0,
        _tags("huangju", "tea", "hero"),
        ("李知自家种，海拔 600 米高山菊园", "不打药人工除草，欢迎来园子看", "清甜回甘，可加枸杞红枣"),
    ),
    ProductInfo(
        "修水宁红茶", "JX-NHC-250", "茶叶", "250g/罐", "罐", 12800, 8800, 3800,
        "修水县", "漫江乡", "", "xs_ninghong", ("地理标志",), 720, "black_tea", 5.0,
        _tags("tea", "gift"),
        ("百年宁红，汤色红艳明亮", "高山云雾茶园，条索紧结", "暖胃养胃，冬天喝正好"),
        douyin_id="3581102233",
    ),
    ProductInfo(
        "庐山云雾茶", "JX-YW-100", "茶叶", "100g/盒", "盒", 16800, 12800, 6000,
        "庐山市", "白鹿镇", "", "ls_tea", ("地理标志", "绿色食品"), 540, "green_tea", 4.0,
        _tags("tea", "gift"),
        ("中国十大名茶之一", "明前头采，一芽一叶", "豆香浓郁，耐冲泡"),
        douyin_id="3581102239",
    ),
    ProductInfo(
        "遂川狗牯脑茶", "JX-GGN-125", "茶叶", "125g/盒", "盒", 13800, 9900, 4500,
        "遂川县", "汤湖镇", "", "sc_ggn", ("地理标志", "有机"), 540, "green_tea", 3.0,
        _tags("tea", "gift"),
        ("有机认证茶园，井冈山脚下", "外形秀丽，汤色清澈", "老茶客回购率高"),
    ),
    ProductInfo(
        "铅山河红茶", "JX-HH-200", "茶叶", "200g/罐", "罐", 9800, 6800, 2800,
        "铅山县", "河口镇", "", "ys_hehong", ("地理标志",), 720, "black_tea", 2.0,
        _tags("tea", "gift"),
        ("万里茶道起点河口镇", "红茶鼻祖之一，蜜香甜润", "罐装密封，方便保存"),
        platforms=(Platform.DOUYIN, Platform.KUAISHOU, Platform.TAOBAO),
    ),
    ProductInfo(
        "九江茶饼", "JX-CB-12", "土特产", "12个/盒", "盒", 3280, 2280, 900,
        "浔阳区", "", "", "jj_chabing", (), 180, "gift", 5.0,
        _tags("snack", "gift", "cheap"),
        ("百年老字号手艺，酥脆掉渣", "桂花芝麻馅，甜而不腻", "独立包装，配茶正好"),
        douyin_id="3581102243",
    ),
    ProductInfo(
        "南丰蜜桔", "JX-NF-10", "水果", "10斤/箱", "箱", 6990, 4990, 2200,
        "南丰县", "太和镇", "", "nf_orange", ("地理标志", "绿色食品"), 30, "nanfeng_orange", 9.0,
        _tags("fruit", "citrus", "hero"),
        ("皮薄无核，化渣爽口", "千年贡桔，现摘现发", "坏果包赔，拍照联系客服"),
        platforms=_FRESH_PLATFORMS + (Platform.TAOBAO,),
    ),
    ProductInfo(
        "新余蜜桔", "JX-MJ-5", "水果", "5斤/箱", "箱", 3990, 2990, 1300,
        "渝水区", "罗坊镇", "", "xy_orange", ("地理标志",), 30, "xinyu_orange", 7.0,
        _tags("fruit", "citrus", "cheap"),
        ("酸甜适中，老少都爱", "树上挂熟再摘，不催熟", "5 斤尝鲜装，包邮到家"),
        douyin_id="3581102242",
    ),
    ProductInfo(
        "赣南脐橙", "JX-QC-10", "水果", "10斤/箱", "箱", 7990, 5990, 2800,
        "信丰县", "安西镇", "", "xf_navel", ("地理标志", "绿色食品"), 30, "navel_orange", 9.0,
        _tags("fruit", "citrus", "hero"),
        ("赣南脐橙发源地安西镇", "果大皮薄，一口爆汁", "一果一码可溯源"),
        douyin_id="3581102238",
    ),
    ProductInfo(
        "赣南脐橙 尝鲜装", "JX-QC-5", "水果", "5斤/箱", "箱", 4290, 3290, 1500,
        "信丰县", "安西镇", "", "xf_navel", ("地理标志", "绿色食品"), 30, "navel_orange", 5.0,
        _tags("fruit", "citrus", "cheap"),
        ("先尝后买，5 斤小箱", "中果 70-75mm，孩子拿着正好"),
        platforms=_FRESH_PLATFORMS,
    ),
    ProductInfo(
        "万年贡米", "JX-GM-5", "粮油", "5kg/袋", "袋", 8980, 6980, 3600,
        "万年县", "裴梅镇", "荷溪村", "wn_rice", ("地理标志", "绿色食品"), 365, "rice", 6.0,
        _tags("grain", "gift"),
        ("明清两代贡米，稻作起源地", "荷溪村山泉水灌溉", "当季新米，煮饭有米油"),
        douyin_id="3581102235",
    ),
    ProductInfo(
        "宜春富硒大米", "JX-FX-10", "粮油", "10斤/袋", "袋", 6980, 4980, 2500,
        "袁州区", "温汤镇", "", "yc_rice", ("绿色食品",), 365, "rice", 3.0,
        _tags("grain",),
        ("天然富硒土壤，检测报告可查", "10 斤家庭装，每月吃得完"),
    ),
    ProductInfo(
        "赣南油茶籽油", "JX-CY-1L", "粮油", "1L/瓶", "瓶", 16800, 12800, 7000,
        "兴国县", "长冈乡", "", "xg_oil", ("地理标志", "有机"), 540, "year", 4.0,
        _tags("grain", "gift"),
        ("古法物理压榨，一级油", "东方橄榄油，高温炒菜不冒烟", "坐月子、老人孩子都适合"),
    ),
    ProductInfo(
        "峡江米粉", "JX-MF-1", "粮油", "1kg/袋", "袋", 2590, 1990, 800,
        "峡江县", "巴邱镇", "", "xj_noodle", ("地理标志",), 365, "year", 5.0,
        _tags("grain", "cheap"),
        ("纯大米制作，不加胶", "炒粉、汤粉都不断", "福利款，拍一发二"),
    ),
    ProductInfo(
        "广昌白莲", "JX-BL-500", "干货", "500g/袋", "袋", 5900, 4500, 2200,
        "广昌县", "驿前镇", "姚西村", "gc_lotus", ("地理标志", "绿色食品"), 365, "lotus", 5.0,
        _tags("dried",),
        ("通芯白莲，免泡易煮烂", "姚西村白莲发源地", "煲汤、银耳羹都好用"),
        douyin_id="3581102237",
    ),
    ProductInfo(
        "井冈山笋干", "JX-SG-500", "干货", "500g/袋", "袋", 4800, 3600, 1500,
        "井冈山市", "茅坪乡", "神山村", "jgs_bamboo", ("绿色食品",), 365, "year", 6.0,
        _tags("dried", "gift"),
        ("神山村春笋，柴火慢烘", "无硫无添加，泡发率高", "炖肉、炒腊肉香得很"),
        douyin_id="3581102241",
    ),
    ProductInfo(
        "余干辣椒干", "JX-LJ-250", "干货", "250g/袋", "袋", 2580, 1880, 700,
        "余干县", "瑞洪镇", "", "yg_pepper", ("地理标志",), 365, "year", 5.0,
        _tags("dried", "cheap"),
        ("枫树辣椒，香辣不燥", "皮薄肉厚，炒菜提香", "江西人的家乡味"),
        douyin_id="3581102240",
    ),
    ProductInfo(
        "鄱阳湖银鱼干", "JX-YY-250", "干货", "250g/袋", "袋", 6800, 4980, 2600,
        "都昌县", "周溪镇", "", "dc_fish", ("绿色食品",), 365, "year", 3.0,
        _tags("dried", "gift"),
        ("通体透明，个头均匀", "淡晒无盐，煎蛋做汤都鲜"),
        platforms=(Platform.DOUYIN, Platform.KUAISHOU, Platform.TAOBAO),
    ),
    ProductInfo(
        "崇义南酸枣糕", "JX-SZG-400", "土特产", "400g/袋", "袋", 3580, 2590, 1000,
        "崇义县", "横水镇", "", "cy_jujube", (), 270, "year", 6.0,
        _tags("snack", "cheap"),
        ("野生南酸枣手工熬制", "酸甜开胃，孩子最爱", "办公室零食，独立小包"),
        douyin_id="3581102236",
    ),
    ProductInfo(
        "南安板鸭", "JX-BY-1", "土特产", "约1.2斤/只", "只", 6800, 4980, 2400,
        "大余县", "南安镇", "", "dy_duck", ("地理标志",), 180, "winter_meat", 5.0,
        _tags("meat", "gift", "winter"),
        ("三百年传统腌制工艺", "皮薄肉嫩，腊香浓郁", "年货礼盒，真空包装"),
    ),
    ProductInfo(
        "安福火腿 切片", "JX-HT-500", "土特产", "500g/袋", "袋", 8800, 6800, 3500,
        "安福县", "平都镇", "", "af_ham", ("地理标志",), 365, "winter_meat", 2.0,
        _tags("meat", "gift", "winter"),
        ("江西三大名腿之一", "自然风干一年以上", "切好片，蒸炒都方便"),
        platforms=(Platform.DOUYIN, Platform.KUAISHOU, Platform.TAOBAO),
    ),
    ProductInfo(
        "泰和乌鸡", "JX-WJ-1", "禽蛋", "约1.5斤/只 冷冻", "只", 8800, 6800, 3500,
        "泰和县", "澄江镇", "汪陂途村", "th_chicken", ("地理标志",), 180, "poultry", 4.0,
        _tags("meat", "winter", "gift"),
        ("武山原种，十全特征", "散养 300 天以上", "炖汤滋补，冷链发货"),
        platforms=_FRESH_PLATFORMS,
    ),
    ProductInfo(
        "崇仁麻鸡", "JX-MAJ-1", "禽蛋", "约2.5斤/只 冷冻", "只", 9800, 7800, 4200,
        "崇仁县", "巴山镇", "", "huang_chunsheng", ("地理标志",), 180, "poultry", 3.0,
        _tags("meat", "winter"),
        ("林下散养，吃稻谷虫子长大", "肉质紧实，香味足", "冷链包邮，坏了包赔"),
        platforms=_FRESH_PLATFORMS,
    ),
    ProductInfo(
        "泰和乌鸡蛋", "JX-WJD-20", "禽蛋", "20枚/盒", "盒", 4990, 3690, 1800,
        "泰和县", "澄江镇", "汪陂途村", "th_chicken", ("绿色食品",), 45, "poultry", 5.0,
        _tags("egg", "cheap"),
        ("青壳乌鸡蛋，蛋黄大", "每天现捡，破损包赔", "孕妇老人小孩都适合"),
        platforms=_FRESH_PLATFORMS,
    ),
    ProductInfo(
        "鄱阳湖藜蒿", "JX-LH-3", "时令蔬菜", "3斤/箱", "箱", 3990, 2990, 1200,
        "鄱阳县", "莲湖乡", "", "zhou_dewang", ("绿色食品",), 5, "lihao", 4.0,
        _tags("fresh", "winter"),
        ("鄱阳湖草，南昌人的宝", "湖洲野生藜蒿，当天采当天发", "藜蒿炒腊肉，正宗江西味"),
        platforms=_FRESH_PLATFORMS,
    ),
    ProductInfo(
        "手工竹编果篮", "JX-ZB-L", "手工艺品", "大号", "个", 8800, 6800, 2500,
        "井冈山市", "茅坪乡", "神山村", "jgs_bamboo", (), None, "gift", 3.0,
        _tags("craft", "gift"),
        ("神山村老篾匠手工编织", "楠竹材质，结实耐用", "装水果、做礼篮都好看"),
        douyin_id="3581102244",
    ),
    ProductInfo(
        "景德镇手绘青花茶具", "JX-CJ-6", "手工艺品", "一壶四杯一公道", "套", 39800, 26800, 12000,
        "珠山区", "", "", "jdz_ceramic", (), None, "gift", 1.5,
        _tags("craft", "gift", "tea"),
        ("景德镇手工拉坯，手绘青花", "柴窑烧制，每套花纹不同", "配礼盒和手提袋"),
        platforms=(Platform.DOUYIN, Platform.SHIPINHAO, Platform.TAOBAO),
    ),
    ProductInfo(
        "婺源皇菊 礼盒(旧款)", "JX-HJ-100", "茶叶", "100朵/盒", "盒", 12800, 9800, 3600,
        "婺源县", "江湾镇", "篁岭村", "wy_huangju", ("地理标志", "绿色食品"), 540, "huangju", 2.0,
        _tags("huangju", "tea", "gift"),
        ("大礼盒 100 朵，一年喝不完",),
        sold_until=0.45, archived=True, notes="已换新包装，旧款下架",
    ),
)


# --- accounts (直播间) and hosts (主播) -------------------------------------------------------

HOSTS: tuple[str, ...] = ("李知", "王芳", "陈小军", "刘婷婷")


@dataclass(frozen=True)
class AccountInfo:
    platform: str
    name: str
    platform_account_id: str
    weight: float  # how often it goes live
    scale: float  # how much a stream sells
    hosts: tuple[str, ...]  # first = main host
    slots: tuple[tuple[int, int], ...]  # usual start times (hour, minute)
    focus: frozenset[str]  # product tags it pushes
    starts_at: float = 0.0  # share of the demo range before the account opened
    line_ids_equal_order_ids: bool = False  # one row per order (快手) vs one per line


ACCOUNTS: tuple[AccountInfo, ...] = (
    AccountInfo(Platform.DOUYIN, "修水李知皇菊", "71234567", 3.0, 1.3, ("李知", "王芳"),
                ((19, 30), (20, 0), (14, 0)), _tags("huangju", "tea", "fruit")),
    AccountInfo(Platform.KUAISHOU, "江西好物特产馆", "jxhaowu2023", 2.0, 1.0, ("王芳", "陈小军"),
                ((20, 0), (12, 30), (19, 0)), _tags("fruit", "dried", "meat", "cheap"),
                line_ids_equal_order_ids=True),
    AccountInfo(Platform.SHIPINHAO, "赣鄱山货优选", "sphGanPo88", 1.2, 0.75, ("刘婷婷", "李知"),
                ((19, 0), (10, 0)), _tags("gift", "grain", "egg"), starts_at=0.3),
    AccountInfo(Platform.TAOBAO, "江西好物特产馆", "jiangxihaowu", 0.8, 0.6, ("陈小军",),
                ((15, 0), (20, 30)), _tags("tea", "grain", "craft"), starts_at=0.1),
    # The county hall's shop in the 京东 park (DESIGN §6): opened half way through the range.
    AccountInfo(Platform.JD, "九江特产馆 京东店", "10238866", 1.0, 0.55, ("刘婷婷", "陈小军"),
                ((10, 0), (20, 0)), _tags("gift", "grain", "dried"), starts_at=0.5),
)

# Where sales that do not come from a live room happen, and what the platform calls them.
NON_LIVE_PLATFORM_WEIGHTS: dict[str, float] = {
    Platform.DOUYIN: 0.45, Platform.KUAISHOU: 0.2, Platform.SHIPINHAO: 0.1, Platform.TAOBAO: 0.25,
    Platform.JD: 0.15,
}
NON_LIVE_SOURCES: dict[str, tuple[str, ...]] = {
    Platform.DOUYIN: ("短视频", "商品卡"),
    Platform.KUAISHOU: ("短视频", "商品卡"),
    Platform.SHIPINHAO: ("短视频", "商品卡"),
    Platform.TAOBAO: ("商品卡", "商品卡"),
    Platform.JD: ("京东搜索", "商品详情"),  # 订单渠道 other than 京东直播: never attributed
}
LIVE_SOURCE: dict[str, str] = {
    Platform.DOUYIN: "直播", Platform.KUAISHOU: "直播间", Platform.SHIPINHAO: "直播", Platform.TAOBAO: "直播",
    Platform.JD: "京东直播",
}

# Order status texts as each platform's export writes them.
@dataclass(frozen=True)
class StatusWords:
    done: str
    shipped: str
    to_ship: str
    refunded: tuple[str, ...]  # a fully refunded paid line
    unpaid: str


STATUS: dict[str, StatusWords] = {
    Platform.DOUYIN: StatusWords("已完成", "已发货", "待发货", ("已关闭", "已关闭", "退款成功"), "已关闭"),
    Platform.KUAISHOU: StatusWords("交易成功", "已发货", "待发货", ("交易关闭", "退款成功"), "交易关闭"),
    Platform.SHIPINHAO: StatusWords("已完成", "已发货", "待发货", ("已关闭", "退款成功"), "已取消"),
    Platform.TAOBAO: StatusWords("交易成功", "卖家已发货", "买家已付款", ("交易关闭", "退款成功"), "交易关闭"),
    Platform.JD: StatusWords("完成", "等待确认收货", "等待出库", ("已取消", "已取消", "(删除)已取消"), "等待付款"),
}

# Platform order / product id shapes: (first order number, smallest and largest step).
ORDER_NUMBERS: dict[str, tuple[int, int, int]] = {
    Platform.DOUYIN: (6_930_000_000_000_000_000, 37, 99_991),
    Platform.KUAISHOU: (2_400_000_000_000_000, 101, 39_989),
    Platform.SHIPINHAO: (3_720_000_000_000_000_000, 53, 99_989),
    Platform.TAOBAO: (3_300_000_000_000_000_000, 1_009, 999_983),
    Platform.JD: (21_700_000_000, 7, 2_999),  # 11-digit 订单号, as in the 商家后台 export
}
# Platforms whose line id is 订单号-商品ID (京东: the export has no line number of its own).
LINE_ID_WITH_PRODUCT_CODE: frozenset[str] = frozenset({Platform.JD})
PRODUCT_CODES: dict[str, tuple[int, int]] = {  # random product ids in [low, high)
    Platform.DOUYIN: (3_581_102_300, 3_799_999_999),
    Platform.KUAISHOU: (22_000_000_000, 24_999_999_999),
    Platform.SHIPINHAO: (10_000_080_000_000, 10_000_099_999_999),
    Platform.TAOBAO: (680_000_000_000, 789_999_999_999),
    Platform.JD: (100_010_000_000, 100_099_999_999),
}


# --- livestream calendar -----------------------------------------------------------------------

THEME_NIANHUO = "年货节"
THEME_SPRING_BREAK = "春节不打烊"
THEME_DOUBLE11 = "双十一特色产业节"
THEME_DOUBLE12 = "双十二年终好物节"
THEME_618 = "618年中好物节"
THEME_HARVEST = "中国农民丰收节"
THEME_HUANGJU = "皇菊开采季"
THEME_ORANGE = "蜜桔上市"
THEME_SPRING_TEA = "春茶上新"
THEME_DAILY = "日常专场"
THEME_ORIGIN = "产地溯源专场"

# theme -> (how much busier the calendar is, how much more each stream sells, tags it pushes)
THEMES: dict[str, tuple[float, float, frozenset[str]]] = {
    THEME_NIANHUO: (1.9, 1.6, _tags("gift", "meat", "winter", "citrus", "grain", "snack")),
    THEME_SPRING_BREAK: (0.2, 0.6, _tags("gift", "snack")),
    THEME_DOUBLE11: (1.8, 1.7, _tags("hero", "gift", "citrus", "huangju")),
    THEME_DOUBLE12: (1.3, 1.2, _tags("gift", "citrus")),
    THEME_618: (1.4, 1.4, _tags("hero", "tea", "dried", "cheap")),
    THEME_HARVEST: (1.3, 1.3, _tags("grain", "dried", "fruit")),
    THEME_HUANGJU: (1.2, 1.2, _tags("huangju",)),
    THEME_ORANGE: (1.2, 1.2, _tags("citrus", "fruit")),
    THEME_SPRING_TEA: (1.1, 1.1, _tags("tea",)),
    THEME_DAILY: (1.0, 1.0, frozenset()),
    THEME_ORIGIN: (1.0, 1.1, frozenset()),
}

TITLE_ENDINGS: tuple[str, ...] = ("产地直发", "源头好货", "助农直播", "老表带你逛山货", "包邮到家", "福利秒杀")

# 产地溯源: the host streams from where a product in the lineup grows (by SKU).
ORIGIN_TRIPS: dict[str, str] = {
    "JX-HJ-050": "走进婺源篁岭古村",
    "JX-HJ-030": "修水高山菊园，李知带你看皇菊",
    "JX-NF-10": "南丰橘园现摘现发",
    "JX-QC-10": "安西镇脐橙园直播",
    "JX-SG-500": "井冈山神山村看笋干",
    "JX-GM-5": "万年荷溪村看稻田",
    "JX-BL-500": "广昌驿前采莲子",
    "JX-NHC-250": "漫江乡高山茶园",
    "JX-LH-3": "鄱阳湖边割藜蒿",
    "JX-WJ-1": "泰和武山脚下看乌鸡",
    "JX-ZB-L": "神山村老篾匠编果篮",
}
ORIGIN_TRIP_DEFAULT = "走进江西乡村，源头好物"

DONE_NOTES: tuple[str, ...] = (
    "福袋效果好，停留时长明显提高", "前半小时流量差，投流后起来了", "新品讲解太长，下次控制在5分钟",
    "蜜桔坏果投诉两单，已补发", "主播嗓子哑了，提前下播", "连麦助农主播，涨粉明显", "网络卡顿两次",
    "秒杀款库存备少了", "县电商中心来拍素材", "老粉回购多，可以做会员专场",
)
CANCEL_NOTES: tuple[str, ...] = (
    "暴雨停电，改期", "主播感冒，取消", "货还没到仓，推迟", "网络故障，开播失败", "村里办事，临时取消",
)
