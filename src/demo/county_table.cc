#include "demo/county_table.h"

namespace grassroots::demo {
namespace {

using core::OrgKind;
using core::OrgType;

constexpr CountyDirectOrg kDirect[] = {
    // 农村: town committees and their villages.
    {"西林吉镇党委", OrgType::kVillage, OrgKind::kCommittee, "西林吉村"},
    {"北极镇党委", OrgType::kVillage, OrgKind::kCommittee, "北极村|洛古河村|北红村"},
    {"兴安镇党委", OrgType::kVillage, OrgKind::kCommittee, "兴安村|古站村"},
    {"图强镇党委", OrgType::kVillage, OrgKind::kCommittee, "图强村"},
    {"阿木尔镇党委", OrgType::kVillage, OrgKind::kCommittee, "劲涛村"},
    // 社区
    {"西林吉镇社区党委", OrgType::kCommunity, OrgKind::kCommittee,
     "北极星社区|金龙社区|银河社区|通江社区|西山社区|东升社区|松苑社区|白桦社区|龙江社区|"
     "林海社区"},
    {"图强镇社区党总支", OrgType::kCommunity, OrgKind::kGeneralBranch,
     "图强第一社区|图强第二社区|图强第三社区"},
    {"阿木尔镇社区党总支", OrgType::kCommunity, OrgKind::kGeneralBranch,
     "阿木尔第一社区|阿木尔第二社区|阿木尔第三社区"},
    // 国有企业: forestry above all, where the article locates the trouble (林业体制改革).
    {"县林业局党委", OrgType::kSoe, OrgKind::kCommittee,
     "古莲林场|河湾林场|富克山林场|依西林场|长缨林场|育英林场|盘古林场|樟岭林场|壮志林场|"
     "潮满林场|永安林场|新林林场|二十二站林场|满归林场|双河林场|金林林场|林业局机关|"
     "木材检查站"},
    {"县国有资产经营公司党总支", OrgType::kSoe, OrgKind::kGeneralBranch,
     "国资公司机关|县城市建设投资公司|县热力公司|县市政工程公司|县公交公司|县粮油购销公司"},
    {"县供电公司党总支", OrgType::kSoe, OrgKind::kGeneralBranch,
     "供电公司机关|西林吉供电所|图强供电所|阿木尔供电所"},
    {"县旅游集团党总支", OrgType::kSoe, OrgKind::kGeneralBranch,
     "北极村景区公司|胭脂沟景区公司|旅游集团机关"},
    {"县自来水公司党支部", OrgType::kSoe, OrgKind::kBranch, ""},
    {"县粮食收储公司党支部", OrgType::kSoe, OrgKind::kBranch, ""},
    {"县邮政分公司党支部", OrgType::kSoe, OrgKind::kBranch, ""},
    {"县农村信用社党支部", OrgType::kSoe, OrgKind::kBranch, ""},
    // 非公企业
    {"县非公有制经济组织综合党委", OrgType::kNonpublic, OrgKind::kCommittee,
     "北极村旅游开发公司|漠河金矿有限公司|北极光宾馆|漠河大酒店|北极沙洲旅游公司|"
     "兴安岭山特产品公司|西林吉建筑公司|北陲商贸公司|北极蓝莓食品公司|漠河运输有限公司|"
     "雪乡建材公司|极地农业合作社|北极星物流公司|龙江木业公司"},
    {"县个体私营企业协会党总支", OrgType::kNonpublic, OrgKind::kGeneralBranch,
     "个体工商户联合|私营企业联合"},
    {"北极村农家乐协会党支部", OrgType::kNonpublic, OrgKind::kBranch, ""},
    // 机关
    {"县直机关工作委员会", OrgType::kAgency, OrgKind::kCommittee,
     "县财政局|县发展和改革局|县教育局|县民政局|县农业局|县水务局|县商务局|县审计局|县统计局|"
     "县司法局|县人力资源和社会保障局|县住房和城乡建设局|县卫生和计划生育局|"
     "县文体广电和旅游局|县安全生产监督管理局|县环境保护局|县国土资源局|县交通运输局|"
     "县工业和信息化局|县市场监督管理局|县扶贫开发办公室|县信访局|县档案局|县机关事务管理局|"
     "县粮食局|县经济合作促进局|县城市管理局|县政府法制办公室|县机构编制委员会办公室|"
     "县委老干部局|县总工会|共青团漠河县委|县妇女联合会|县科学技术协会|县残疾人联合会|"
     "县工商业联合会|县供销合作社|县气象局|县地方税务局|县国家税务局|县人民银行|"
     "县食品药品监督管理局|县规划局|县房产管理局|县人民防空办公室|县政务服务中心|县招商局|"
     "县民族宗教事务局|县畜牧兽医局|县应急管理办公室|县委政法委员会|县委党史研究室"},
    {"县公安局党委", OrgType::kAgency, OrgKind::kCommittee,
     "西林吉派出所|北极派出所|兴安派出所|图强派出所|阿木尔派出所|交警大队|刑警大队|治安大队|"
     "看守所"},
    {"县人民法院党总支", OrgType::kAgency, OrgKind::kGeneralBranch,
     "法院机关|西林吉人民法庭|图强人民法庭"},
    {"县人民检察院党总支", OrgType::kAgency, OrgKind::kGeneralBranch,
     "检察院机关|检察院反贪污贿赂局|检察院派驻检察室"},
    {"县委办公室党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县政府办公室党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县人大常委会机关党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县政协机关党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县纪委机关党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县委组织部党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县委宣传部党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    {"县委统战部党支部", OrgType::kAgency, OrgKind::kBranch, ""},
    // 事业单位
    {"县教育系统党委", OrgType::kInstitution, OrgKind::kCommittee,
     "漠河县第一中学|漠河县第二中学|漠河县高级中学|漠河县职业高中|西林吉第一小学|"
     "西林吉第二小学|西林吉第三小学|北极镇中心学校|兴安镇中心学校|图强镇第一中学|图强镇小学|"
     "阿木尔镇中学|阿木尔镇小学|县实验小学|县第一幼儿园|县第二幼儿园|县特殊教育学校|"
     "县教师进修学校|北红村小学|县少年宫|县招生考试中心|县电化教育馆|县体育运动学校|"
     "古莲中心学校"},
    {"县卫生系统党委", OrgType::kInstitution, OrgKind::kCommittee,
     "县人民医院|县中医医院|县妇幼保健院|县疾病预防控制中心|县卫生监督所|县急救中心|"
     "西林吉镇卫生院|北极镇卫生院|兴安镇卫生院|图强镇卫生院|阿木尔镇卫生院|县中心血站|"
     "县人民医院内科|县人民医院外科|县人民医院后勤|县医疗保险中心"},
    {"县文化旅游事业党总支", OrgType::kInstitution, OrgKind::kGeneralBranch,
     "县图书馆|县文化馆|县博物馆|北极村景区管理处|胭脂沟景区管理处"},
    {"县农林事业党总支", OrgType::kInstitution, OrgKind::kGeneralBranch,
     "县农业技术推广中心|县畜牧兽医站|县林业工作总站|县水利工作站|县种子管理站|"
     "县农村经济经营管理站"},
    {"县广播电视台党支部", OrgType::kInstitution, OrgKind::kBranch, ""},
    {"县委党校党支部", OrgType::kInstitution, OrgKind::kBranch, ""},
    {"县公证处党支部", OrgType::kInstitution, OrgKind::kBranch, ""},
    {"县城市规划设计院党支部", OrgType::kInstitution, OrgKind::kBranch, ""},
};

// Chosen so that the demo tells the article's story: four organizations weak in both years
// (two direct, two second-level: 2 + 2 × 2 = the 6 secretaries adjusted), others weak in one
// year only, and two committee grades D.
constexpr CountyWeakSpec kWeak[] = {
    {"县粮食收储公司党支部", 2015, 520, 600, false, ""},
    {"县粮食收储公司党支部", 2016, 540, 620, false, ""},
    {"县广播电视台党支部", 2015, 560, 620, false, ""},
    {"县广播电视台党支部", 2016, 570, 630, false, ""},
    {"洛古河村党支部", 2015, 480, 560, false, ""},
    {"洛古河村党支部", 2016, 500, 580, false, ""},
    {"图强第二社区党支部", 2015, 560, 620, false, ""},
    // Scores a C, but the committee knows better.
    {"图强第二社区党支部", 2016, 640, 650, true, "班子不健全，书记履职不到位，“三会一课”流于形式"},
    {"潮满林场党支部", 2016, 560, 640, false, ""},
    {"县档案局党支部", 2016, 580, 640, false, ""},
    {"古站村党支部", 2015, 540, 620, false, ""},
    {"阿木尔第一社区党支部", 2015, 560, 640, false, ""},
    {"县第二幼儿园党支部", 2015, 580, 640, false, ""},
    // A normal score with a committee grade D: selected for grade D alone.
    {"北陲商贸公司党支部", 2015, 0, 0, true, "党组织书记长期不在岗，党员组织关系管理混乱"},
};

}  // namespace

std::span<const CountyDirectOrg> CountyDirectOrgs() { return kDirect; }

std::span<const CountyWeakSpec> CountyWeakSpecs() { return kWeak; }

}  // namespace grassroots::demo
