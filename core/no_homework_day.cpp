#include "no_homework_day.h"

#include "validation.h"

namespace taizhang {

bool isNoHomeworkMark(const Json& homeworkBody)
{
    if (!homeworkBody.is_object()) return false;
    const auto none = homeworkBody.find("none");
    return none != homeworkBody.end() && none->is_boolean() && none->get<bool>();
}

std::string noHomeworkKey(const Json& homeworkBody)
{
    if (!homeworkBody.is_object()) return {};
    Json mark = homeworkBody;
    mark["subject"] = "";
    mark["none"] = true;
    return uniquenessKey(Kind::Homework, mark);
}

}  // namespace taizhang
