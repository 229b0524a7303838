#pragma once
// Plain-text tables for terminals, aligned by display width (a Chinese character takes two
// columns), so that class and teacher names line up.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace taizhang::cli {

std::size_t displayWidth(std::string_view utf8);

class Table {
public:
    explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    std::size_t size() const { return rows_.size(); }
    void print(std::ostream& out) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace taizhang::cli
