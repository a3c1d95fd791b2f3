package model

// DocumentLanguage is the language iksplan writes the design's documents
// in (DESIGN.md, the runbook's messages). The design records it so a
// re-render on another machine, whatever its locale, writes the same bytes.
// Keys and enum values of the design stay English in every language: they
// are the file's contract.
type DocumentLanguage string

// The document languages.
const (
	LangEnglish  DocumentLanguage = "en"
	LangJapanese DocumentLanguage = "ja"
)

var documentLanguageChoices = []Choice[DocumentLanguage]{
	{LangEnglish, "English", "documents and runbook messages in English"},
	{LangJapanese, "日本語", "documents and runbook messages in Japanese, with IBM Japan's terms"},
}

// Choices lists the document languages.
func (DocumentLanguage) Choices() []Choice[DocumentLanguage] { return documentLanguageChoices }

// EnumValues implements Enum.
func (DocumentLanguage) EnumValues() []string { return enumValues(documentLanguageChoices) }

// Label is the language's own name.
func (l DocumentLanguage) Label() string { return labelOf(documentLanguageChoices, l) }

// Valid reports whether l is a known document language.
func (l DocumentLanguage) Valid() bool { return validChoice(documentLanguageChoices, l) }
