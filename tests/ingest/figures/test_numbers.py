"""Number finding: what counts as a figure, its value, bounds, approximation and unit."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers
from service.ingest.model import Approximation

FIGURES = [
    # (text, printed figure, value, upper bound, approximation, unit)
    # a count of a group named before: "of them", "of which", "of my"
    ("When the guards arrived, three of them had already gone.", "three", 3, None,
     Approximation.EXACT, "count"),
    ("Floods swept away the ferries, four of which sank.", "four", 4, None,
     Approximation.EXACT, "count"),
    ("She said she had lost two of my old classmates", "two", 2, None, Approximation.EXACT,
     "count"),
    # the dollar's country after its sign, as Australian copy prints it
    ("The bank will write off $US2.5 billion of loans", "$US2.5 billion", 2.5e9, None,
     Approximation.EXACT, "USD"),
    ("Canberra pledged $A450,000 in aid", "$A450,000", 450000, None, Approximation.EXACT,
     "AUD"),
    ("a contract worth $NZ12 million", "$NZ12 million", 12e6, None, Approximation.EXACT,
     "NZD"),
    # a group counted before, named by its number alone
    ("A pump failed, but the other three were still running.", "three", 3, None,
     Approximation.EXACT, "count"),
    ("The four who walked out were fined.", "four", 4, None, Approximation.EXACT, "people"),
    ("The ferry and the tug sank, and all two, sadly.", "two", 2, None, Approximation.EXACT,
     "count"),
    # a range spelt out is an amount even where no noun follows it
    ("The smaller jet seats 150 to 180.", "150 to 180", 150, 180, Approximation.EXACT,
     "count"),
    ("aftershocks measuring between 2.0 and 2.6 on the Richter scale", "between 2.0 and 2.6",
     2.0, 2.6, Approximation.EXACT, "count"),
    # a toll that reads like a year is a toll; a toll of one is a figure
    ("declares a state of emergency with 1500 dead", "1500", 1500, None, Approximation.EXACT,
     "count"),
    ("One person is killed and several are injured", "One person", 1, None,
     Approximation.EXACT, "people"),
    # an owner's count of something is no name
    ("The Dow's 344.65-point fall left the index lower", "344.65", 344.65, None,
     Approximation.EXACT, "count"),
    ("the deal will bring EYP MCF's 350 employees into HP", "350 employees", 350, None,
     Approximation.EXACT, "people"),
    # a decimal comma before a percent sign
    ("The FTSE 100 has today gone up in value by 8,26%, to take the index back", "8,26%", 8.26,
     None, Approximation.EXACT, "percent"),
    ("Tokayev won 70,76 percent of the vote", "70,76 percent", 70.76, None,
     Approximation.EXACT, "percent"),
    ("prices rose 1,250% in a year", "1,250%", 1250, None, Approximation.EXACT, "percent"),
    # a scale after a hyphen or a space, and a currency code touching the number
    ("Sabathia agreed to a $161-million deal with the Yankees", "$161-million", 161e6, None,
     Approximation.EXACT, "USD"),
    ("China agreed to buy Dreamliners in a deal worth US$7.2 bn.", "US$7.2 bn", 7.2e9, None,
     Approximation.EXACT, "USD"),
    ("Airbus will pay compensation of SGD1.75-billion to the airline", "SGD1.75-billion",
     1.75e9, None, Approximation.EXACT, "SGD"),
    # a size printed as a compound is read whole, thousands and all
    ("The 2,500-member union voted to strike", "2,500", 2500, None, Approximation.EXACT,
     "count"),
    # a dollar's country before its sign
    ("Ottawa will lend the carmaker up to CA$2 billion", "up to CA$2 billion", 2e9, None,
     Approximation.UP_TO, "CAD"),
    ("Canberra pledged AU$35 million to the plant", "AU$35 million", 35e6, None,
     Approximation.EXACT, "AUD"),
    ("the port was sold for S$1.2 billion", "S$1.2 billion", 1.2e9, None, Approximation.EXACT,
     "SGD"),
    # a number word before a model's number and what it counts
    ("Ryanair will purchase five new 737 aircraft. The Boeing 737-800 has the best record",
     "five", 5, None, Approximation.EXACT, "count"),
    # thousands as copy rebuilt from tokens prints them, never a list
    ("the climber fell about 2, 000 feet from the ridge", "about 2, 000 feet", 2000, None,
     Approximation.ABOUT, "feet"),
    ("the base model will sell for $1, 499 in stores", "$1, 499", 1499, None,
     Approximation.EXACT, "USD"),
    ("the island is home to 120, 000 people and a port", "120, 000 people", 120000, None,
     Approximation.EXACT, "people"),
    # hyphens with spaces round them, as copy rebuilt from tokens prints them
    ("joined by his 17 - year - old brother", "17 - year - old", 17, None, Approximation.EXACT,
     "years"),
    ("after a 45 - day pause in talks", "45 - day", 45, None, Approximation.EXACT, "days"),
    # the pound sign as copy passed through ASCII prints it
    ("the tracks are sold for # 0.99 each", "# 0.99", 0.99, None, Approximation.EXACT, "GBP"),
    # "in" for inches where a size says so
    ("the laptop is only 0.68 in thick", "only 0.68 in", 0.68, None, Approximation.EXACT,
     "inches"),
    # a whole number and its fraction
    ("Gomes served his time of a 2-1/2 year sentence.", "2-1/2 year", 2.5, None,
     Approximation.EXACT, "years"),
    ("the guard played 7 ½ minutes off the bench", "7 ½ minutes", 7.5, None,
     Approximation.EXACT, "minutes"),
    # "over the past 30 days" says how long a state lasted (a time frame does not)
    ("Over the past 30 days the browser has ranked third", "30 days", 30, None,
     Approximation.EXACT, "days"),
    ("She became the first woman to chair the board for 12 years", "12 years", 12, None,
     Approximation.EXACT, "years"),
    # how often, or how many fold
    ("Gigante was arrested seven times on an array of charges", "seven times", 7, None,
     Approximation.EXACT, "times"),
    ("can be recharged up to 1,000 times, the company said", "up to 1,000 times", 1000, None,
     Approximation.UP_TO, "times"),
    (
        "Toqaev had received 70.76 percent of the vote",
        "70.76 percent",
        70.76,
        None,
        Approximation.EXACT,
        "percent",
    ),
    (
        "had won more than 70 percent of the vote",
        "more than 70 percent",
        70.0,
        None,
        Approximation.MORE_THAN,
        "percent",
    ),
    (
        "Tokayev took nearly 71 percent of the vote",
        "nearly 71 percent",
        71.0,
        None,
        Approximation.NEARLY,
        "percent",
    ),
    (
        "took a mere 16.2 percent vote",
        "a mere 16.2 percent",
        16.2,
        None,
        Approximation.EXACT,
        "percent",
    ),
    (
        "received 70.8 per cent of the vote",
        "70.8 per cent",
        70.8,
        None,
        Approximation.EXACT,
        "percent",
    ),
    ("a turnout of 77.4% was reported", "77.4%", 77.4, None, Approximation.EXACT, "percent"),
    ("with 1,288 confirmed cases", "1,288", 1288.0, None, Approximation.EXACT, "count"),
    ("sent 12,000 troops", "12,000 troops", 12000.0, None, Approximation.EXACT, "people"),
    ("said three police were injured", "three police", 3.0, None, Approximation.EXACT, "people"),
    (
        "While there were seven candidates, it",
        "seven candidates",
        7.0,
        None,
        Approximation.EXACT,
        "people",
    ),
    ("Two leading groups urged", "Two", 2.0, None, Approximation.EXACT, "count"),
    ("a dozen people waited", "a dozen people", 12.0, None, Approximation.EXACT, "people"),
    ("they paid half a million in fees", "half a million", 500_000.0, None, Approximation.EXACT,
     "count"),
    ("returned within twenty working days", "twenty working days", 20.0, None,
     Approximation.EXACT, "days"),
    ("its share is less than one percent now", "less than one percent", 1.0, None,
     Approximation.LESS_THAN, "percent"),
    ("sales fell by about a quarter last year", "about a quarter", 25.0, None,
     Approximation.ABOUT, "percent"),
    ("they met one day later", "one day", 1.0, None, Approximation.EXACT, "days"),
    ("two dozen activists", "two dozen activists", 24.0, None, Approximation.EXACT, "people"),
    (
        "the country's 12 million registered voters",
        "12 million registered voters",
        12e6,
        None,
        Approximation.EXACT,
        "people",
    ),
    (
        "saved over US$500 million last year",
        "over US$500 million",
        5e8,
        None,
        Approximation.MORE_THAN,
        "USD",
    ),
    ("raised 1.5bn dollars", "1.5bn dollars", 1.5e9, None, Approximation.EXACT, "USD"),
    ("took a 1.5bn euro charge", "1.5bn euro", 1.5e9, None, Approximation.EXACT, "EUR"),
    ("closed at 57.85 Swiss francs", "57.85 Swiss francs", 57.85, None, Approximation.EXACT, "CHF"),
    ("earned 33 cents a share", "33 cents a share", 0.33, None, Approximation.EXACT, "USD"),
    ("a fine of CHF 2 million", "CHF 2 million", 2e6, None, Approximation.EXACT, "CHF"),
    ("sold for ¥300bn", "¥300bn", 3e11, None, Approximation.EXACT, "JPY"),
    # crowns are several countries', named with the country; other currencies by name
    ("rose to 65.3 billion Danish crowns", "65.3 billion Danish crowns", 6.53e10, None,
     Approximation.EXACT, "DKK"),
    ("lost 20 billion rand", "20 billion rand", 2e10, None, Approximation.EXACT, "ZAR"),
    ("a fine of SEK 5 million", "SEK 5 million", 5e6, None, Approximation.EXACT, "SEK"),
    ("Eight out of 10 voters", "Eight out of 10", 80.0, None, Approximation.EXACT, "percent"),
    # a score is one figure with both sides, where a match is near
    (
        "Sweden beat South Korea 1 – 0 in the match",
        "1 – 0",
        1.0,
        None,
        Approximation.EXACT,
        "score",
    ),
    (
        "Australia defeated South Africa 93 to 39",
        "93 to 39",
        93.0,
        None,
        Approximation.EXACT,
        "score",
    ),
    (
        "a crane collapse killed 107 or more people",
        "107 or more",
        107.0,
        None,
        Approximation.AT_LEAST,
        "count",
    ),
    ("it lost $9.66 per share", "$9.66 per share", 9.66, None, Approximation.EXACT, "USD"),
    ("about 500 km west of the capital", "about 500 km", 500.0, None, Approximation.ABOUT, "km"),
    ("it asks 40 to 50 questions", "40 to 50", 40.0, 50.0, Approximation.EXACT, "count"),
    ("more than 2m voters", "more than 2m voters", 2e6, None, Approximation.MORE_THAN, "people"),
    # "over" as a verb's particle says nothing of the amount
    ("Tesla handed over 435,059 cars", "435,059", 435059, None, Approximation.EXACT, "count"),
    (
        "after hundreds of people gathered",
        "hundreds of people",
        100.0,
        999.0,
        Approximation.VAGUE,
        "people",
    ),
    ("dozens rallied in the square", "dozens", 24.0, 99.0, Approximation.VAGUE, "count"),
    (
        "police detained scores of demonstrators",
        "scores of demonstrators",
        40.0,
        99.0,
        Approximation.VAGUE,
        "people",
    ),
    (
        "tens of thousands of people marched",
        "tens of thousands of people",
        1e4,
        99_999.0,
        Approximation.VAGUE,
        "people",
    ),
    (
        "and hundreds more the following day",
        "hundreds more",
        100.0,
        999.0,
        Approximation.VAGUE,
        "count",
    ),
    ("kept them for up to 10 hours", "up to 10 hours", 10.0, None, Approximation.UP_TO, "hours"),
    (
        "ruling Kazakhstan for nearly 30 years",
        "nearly 30 years",
        30.0,
        None,
        Approximation.NEARLY,
        "years",
    ),
    (
        "the party ruled the country for three decades",
        "three decades",
        30.0,
        None,
        Approximation.EXACT,
        "years",
    ),
    ("the previous two days of rallies", "two days", 2.0, None, Approximation.EXACT, "days"),
    (
        "He selected 66-year-old Kassym-Jomart Tokayev",
        "66-year-old",
        66.0,
        None,
        Approximation.EXACT,
        "years",
    ),
    ("said Toqaev, 66, had received", "66", 66.0, None, Approximation.EXACT, "years"),
    # scales multiply, and the tens after "hundred" belong to it
    ("two hundred thousand people fled", "two hundred thousand people", 200000.0, None,
     Approximation.EXACT, "people"),
    ("a hundred billion dollars of trade", "a hundred billion dollars", 1e11, None,
     Approximation.EXACT, "USD"),
    ("one hundred and fifty people were hurt", "one hundred and fifty people", 150.0, None,
     Approximation.EXACT, "people"),
    ("two or three hundred people", "two or three hundred people", 200.0, 300.0,
     Approximation.EXACT, "people"),
    # an age that closes the sentence, is set off by a dash or is shared
    ("the gunman shot dead a clerk, Ana Ruiz, 37.", "37", 37.0, None, Approximation.EXACT, "years"),
    ("named as Joe Platt, 29 - a father of two", "29", 29.0, None, Approximation.EXACT, "years"),
    ("Lena Holt and Mia Holt, both 19, were hurt", "19", 19.0, None, Approximation.EXACT, "years"),
    ("a man aged 66 was", "aged 66", 66.0, None, Approximation.EXACT, "years"),
    (
        "between 10 and 12 people were hurt",
        "between 10 and 12 people",
        10.0,
        12.0,
        Approximation.EXACT,
        "people",
    ),
    ("10-12 people were hurt", "10-12 people", 10.0, 12.0, Approximation.EXACT, "people"),
    (
        "At least 700 people have been arrested",
        "At least 700 people",
        700.0,
        None,
        Approximation.AT_LEAST,
        "people",
    ),
    (
        "Some 1,500 people gathered",
        "Some 1,500 people",
        1500.0,
        None,
        Approximation.ABOUT,
        "people",
    ),
    (
        "About 200 of Zaitov's supporters gathered",
        "About 200 of Zaitov's supporters",
        200.0,
        None,
        Approximation.ABOUT,
        "people",
    ),
    (
        "police detained about 40 people on Saturday",
        "about 40 people",
        40.0,
        None,
        Approximation.ABOUT,
        "people",
    ),
    ("roughly 40 people", "roughly 40 people", 40.0, None, Approximation.ABOUT, "people"),
    ("fewer than 50 people", "fewer than 50 people", 50.0, None, Approximation.LESS_THAN, "people"),
    ("almost 30 years", "almost 30 years", 30.0, None, Approximation.NEARLY, "years"),
    (
        "have arrested 200 more people",
        "200 more people",
        200.0,
        None,
        Approximation.EXACT,
        "people",
    ),
    (
        "in addition to 500 others who were held",
        "500 others",
        500.0,
        None,
        Approximation.EXACT,
        "people",
    ),
    ("2000 people marched", "2000 people", 2000.0, None, Approximation.EXACT, "people"),
    # ages, fractions and "twice" in words (words.py)
    ("sent there aged eighteen by", "aged eighteen", 18.0, None, Approximation.EXACT, "years"),
    ("In 1995, at age seventeen, she", "at age seventeen", 17.0, None, Approximation.EXACT,
     "years"),
    ("He is aged 42.", "aged 42", 42.0, None, Approximation.EXACT, "years"),
    ("with half of that amount coming", "half", 50.0, None, Approximation.EXACT, "percent"),
    ("about a quarter of the dealers", "about a quarter", 25.0, None, Approximation.ABOUT,
     "percent"),
    ("won two-thirds of the seats", "two-thirds", 66.67, None, Approximation.EXACT,
     "percent"),
    ("was turned back twice, toward", "twice", 2.0, None, Approximation.EXACT, "times"),
    # half of one unit, in the next smaller unit where the copy keeps one
    ("the vote was delayed by nearly half an hour", "nearly half an hour", 30.0, None,
     Approximation.NEARLY, "minutes"),
    ("the bank raised its rate by half a percentage point", "half a percentage point", 0.5,
     None, Approximation.EXACT, "percentage_points"),
    ("the feud lasted half a century", "half a century", 50.0, None, Approximation.EXACT,
     "years"),
    # a whole number in words and a half
    ("the line opened nearly three and a half years late", "nearly three and a half years",
     3.5, None, Approximation.NEARLY, "years"),
    ("the new chip is two and a half times as fast", "two and a half times", 2.5, None,
     Approximation.EXACT, "times"),
    # "a couple of": about two
    ("the talks should take a couple of months", "a couple of months", 2.0, None,
     Approximation.ABOUT, "months"),
    ("the party trails by a couple of points", "a couple", 2.0, None, Approximation.ABOUT,
     "count"),
    ("the death of their nine-month-old child", "nine-month-old", 9.0, None,
     Approximation.EXACT, "months"),
    # ranges in words, and comparisons before a number
    ("could have scored two or three goals", "two or three", 2.0, 3.0, Approximation.EXACT,
     "count"),
    ("runs from ten to 32 pages", "ten to 32", 10.0, 32.0, Approximation.EXACT, "count"),
    ("accepted above 95% of claims", "above 95%", 95.0, None, Approximation.MORE_THAN,
     "percent"),
    ("closer to 40,000 people came", "closer to 40,000 people", 40000.0, None,
     Approximation.ABOUT, "people"),
    # ages in a clause or in months, appositive fractions, sizes as compounds
    ("moved her there when she was six so they", "six", 6.0, None, Approximation.EXACT,
     "years"),
    ("kept at the base until she was eighteen and then", "eighteen", 18.0, None,
     Approximation.EXACT, "years"),
    ("developed eczema at the age of four months and", "at the age of four months", 4.0,
     None, Approximation.EXACT, "months"),
    ("eliminate, or about a quarter, of its dealers", "about a quarter", 25.0, None,
     Approximation.ABOUT, "percent"),
    ("The six - member Afghan team", "six - member", 6.0, None, Approximation.EXACT,
     "people"),
    ("for the three-nation alliance", "three-nation", 3.0, None, Approximation.EXACT,
     "nations"),
    # a tally of votes is one figure, like a score; a sentence's full stop ends it
    ("the Senate voted the bill down with a vote of 52-35.", "52-35", 52.0, None,
     Approximation.EXACT, "votes"),
    ("the court ruled in a 5-4 decision", "5-4", 5.0, None, Approximation.EXACT, "votes"),
    # a name before an amount does not make a name of it
    ("a court fined Google 500 million euros", "500 million euros", 5e8, None,
     Approximation.EXACT, "EUR"),
    ("Sweden beat Korea 1-0.", "1-0", 1.0, None, Approximation.EXACT, "score"),
    # a temperature with its scale, touching the number or after a degree sign
    ("Temperatures in Delhi reached 49.9C on Tuesday", "49.9C", 49.9, None,
     Approximation.EXACT, "degrees"),
    ("It was 45°C in Jacobabad", "45°C", 45.0, None, Approximation.EXACT, "degrees"),
    ("and 110F in Phoenix", "110F", 110.0, None, Approximation.EXACT, "degrees"),
    # a share of a whole printed as "1 in 5"; never "3 in 10 minutes" (below)
    ("Approximately 1 in 5 vertebrate species are threatened", "Approximately 1 in 5", 20.0,
     None, Approximation.ABOUT, "percent"),
    # a scale after a range's second end is both ends'
    ("could contain between 8 and 15 billion barrels.", "between 8 and 15 billion barrels", 8e9,
     1.5e10, Approximation.EXACT, "barrels"),
    # a unit touching the number
    ("problems in the aircraft's 500km of wiring", "500km", 500.0, None,
     Approximation.EXACT, "km"),
    # storage and screen sizes in their units
    ("comes in a 30GB edition", "30GB", 30.0, None, Approximation.EXACT, "GB"),
    ("a 2 GHz processor", "2 GHz", 2.0, None, Approximation.EXACT, "GHz"),
    ("features a 13.3-inch display", "13.3-inch", 13.3, None, Approximation.EXACT, "inches"),
    # a count of a plural that takes no -s, of a group named after "of", of one unit
    ("will be receiving the first four aircraft.", "four", 4.0, None, Approximation.EXACT,
     "count"),
    ("killed three of his colleagues in Angola", "three", 3.0, None, Approximation.EXACT,
     "count"),
    ("Key won by one vote", "one vote", 1.0, None, Approximation.EXACT, "votes"),
    # a round level crossed, printed round the number; a floor passed
    ("dropped in value to below the 5000 mark at", "below the 5000 mark", 5000.0, None,
     Approximation.LESS_THAN, "points"),
    ("crop losses exceeded 10% of 2000 levels", "10%", 10.0, None, Approximation.MORE_THAN,
     "percent"),
    # a length of time that is not a moment: "over the past three years"
    ("Over the past three years, many have struggled", "three years", 3.0, None,
     Approximation.EXACT, "years"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "printed", "value", "upper", "approx", "unit"), FIGURES)
def test_figure_is_found_with_value_and_unit(
    text: str, printed: str, value: float, upper: float | None, approx: Approximation, unit: str
) -> None:
    found = find_numbers(text)
    assert len(found) == 1, [text[n.span.start : n.span.end] for n in found]
    n = found[0]
    assert text[n.span.start : n.span.end] == printed
    assert n.value == pytest.approx(value)
    assert n.upper_bound == (pytest.approx(upper) if upper is not None else None)
    assert n.approximation is approx
    assert n.unit == unit


NOT_FIGURES = [
    # a bare number word that follows no article of a group
    "He met two from the ministry and the Big Three.",
    # a span of years spelt out as a range
    "Between 2003 and 2008, he lived abroad.",
    "her marriage to a sailor in 1958 to 1963.",
    "The quake struck at 0227 GMT on Sunday",
    "from 1030 local time",
    "Wednesday 12 June 2019 18.05 BST",
    "after the June 9 presidential election",
    "overnight on June 10-11.",
    "during the night of June 9-10, they",
    "since it became independent in 1991 has",
    "the biggest display since 2016 when protests",
    "stepped down in March after",
    "11 Jun 2019, 02:45 GMT+10",
    "1201 Connecticut Ave NW, Ste 400, Washington DC 20036",
    "call +1 202 555 0143 for details",
    "police beat up one of its reporters",
    "to assist one demonstrator who had cut his wrist",
    "his political party, Nur-Otan, whose",
    "on Twitter, #qazaqkoktemi (Kazakh spring)",
    "fill in Form 10 and return it",
    "Kazakhstan's second president, for the first time",
    "in reference to a 1909 poem about",
    "A number of journalists, including two from AFP news agency",
    "continued for several hours until",
    "16x9 Image",
    "COVID-19 spread in the 1990s and the '90s",
    "News website Tengrinews.kz said",
    "trades at or around 2.40 PM were cancelled",
    "talks resume at 11 AM on Monday",
    "the boats were seen at around 9.25 am on Thursday",
    # a year cut to two digits after a name
    "Apple's iMovie '09 was released with new themes",
    # clock times as copy rebuilt from tokens prints them
    "The shooting occurred about 3: 10 p. m. in the block",
    "As of 11 p. m. authorities were still searching",
    "he sank a free throw with 4: 43 left in the first half",
    # labels with a leading zero, and a telephone number in two groups
    "Its manufacturer's serial number is 001, and it is registered F-WWOW.",
    "contact Crimestoppers on 0800 555111.",
    # where in a street, the emergency number, a list's numbering, a span of years
    "The shooting occurred in the 12200 block of 223rd Street in Hawaiian Gardens",
    "relatives at 505 LaGuardia Place.",
    "They tried to aid the deputy and dialed 911, authorities said.",
    "Analysts blamed the slide on a number of factors: (1) U.S. and Chinese exchanges",
    "He coached the team in 2007-08 before a loss to Detroit",
    "veterans of the 1950 - 53 war gathered",
    # a side's record of wins and losses is no result
    "The Rams (12-4) will face the Bears on Sunday after the game",
    "He left the club with a 210-174 record after the final",
    "The win moved their record to 8-2 in road games",
    "The Hawks are now 9-0, with the closest win by four",
    "The Owls dropped to 2-9 after another defeat at home",
    "the champion Smith (31-2, unbeaten at home) stopped Jones in the sixth",
    "After a 12-25 start, the Hornets rallied",
    # an owner's bare number is a name
    "Qatar Airways chose the Airbus A350 over Boeing's 787, and",
    "the Standard & Poor's 500 index dropped",
    "its date matches the designation when written as 7/8/07, officials said",
    # a number that numbers a thing rather than counts it
    "the newest version of Mac OS X, version 10.4.",
    "as paragraph 12 of the ruling says",
    "it can be found in the transcript at pages 774 and 775",
    "under section 5 of the act",
    "He was charged under 18 U.S.C. 1001 with lying",
    # a duration placing something in time, like a document's age
    "Seventeen years ago, this would not have been possible",
    "as they vowed 8 years ago.",
    "at a 4 year low",
    "shares hit a 52-week high",
    # a time frame of what the sentence reports, not a length it reports
    "The currency has slid steadily in the past three weeks",
    "The keeper made fine saves in the last ten minutes of the match",
    "a ruling is expected within the next two months",
    "He scored freely in just over the first six minutes",
    "Exports have doubled during the past two decades",
    # the window a record or a first is counted over
    "The rand closed at its weakest level in over three years",
    "Copper posted its biggest weekly rise in nearly eight months",
    "the valley has not flooded in more than 40 years",
    "the club won away for the first time in almost two years",
    "It was the third walkout in two weeks at the port",
    "the first balloting in three decades",
    # half a unit back in time is a date
    "the mill closed half a century ago",
    # two people, no amount
    "The couple ran a bakery on the square",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    found = find_numbers(text)
    assert found == (), [text[n.span.start : n.span.end] for n in found]


def test_spans_are_exact_offsets_into_the_text() -> None:
    text = "Police said 200 people were held; nearly 71 percent voted."
    for n in find_numbers(text):
        assert text[n.span.start : n.span.end] in ("200 people", "nearly 71 percent")
        assert n.span.start <= n.number_span.start < n.number_span.end <= n.span.end


def test_counted_noun_is_kept_for_property_rules() -> None:
    (n,) = find_numbers("for the country's 12 million registered voters.")
    assert n.noun == "registered voters"
    (more,) = find_numbers("arrested 200 more people")
    assert more.is_more


def test_a_bare_one_is_no_amount() -> None:
    body = "One of them left. No one came. One day, he said, it would end."
    assert [body[n.span.start : n.span.end] for n in find_numbers(body)] == []


def test_an_age_on_a_birthday_and_metric_lengths_spelt_out() -> None:
    text = (
        "Teixeira, who turns 29 on April 11, hit 30 home runs. The index turned 3% higher. "
        "The waves were 10 to 40 centimeters high, and it is 9.3 millimetres thin."
    )
    found = [(text[n.span.start : n.span.end], n.unit, n.is_age) for n in find_numbers(text)]
    assert found == [
        ("29", "years", True),
        ("30", "count", False),
        ("3%", "percent", False),
        ("10 to 40 centimeters", "cm", False),
        ("9.3 millimetres", "mm", False),
    ]


def test_the_second_half_of_a_year_is_no_share() -> None:
    text = "It will be released in the second half of this year; half of the voters stayed home."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["half"]


def test_a_number_that_owns_is_a_name() -> None:
    text = "It violates 107's text; the 787's wings flexed; 5,000 people's homes burned."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["5,000 people"]


def test_at_one_point_is_a_moment() -> None:
    text = "At one point, Comey wrote that. He won by one point, saying at one point: no."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["one point"]


def test_an_age_at_death() -> None:
    text = (
        "Mark Felt died yesterday at 95. She died in hospital at 88, her family said. "
        "He died at 10 a.m.; 3 died at 2 hospitals."
    )
    found = [(text[n.span.start : n.span.end], n.is_age) for n in find_numbers(text)]
    assert found == [("95", True), ("88", True), ("3", False), ("2", False)]


def test_two_ages_after_ages_or_aged_are_both_ages() -> None:
    text = "He leaves two sons, ages 6 and 16. Two men, aged 54 and 60, were shot."
    ages = [(text[n.span.start : n.span.end], n.value) for n in find_numbers(text) if n.is_age]
    assert ages == [("ages 6", 6.0), ("16", 16.0), ("aged 54", 54.0), ("60", 60.0)]


def test_numbers_listed_with_commas_and_spaces_stay_apart() -> None:
    text = "the wells were 68, 149, 95 and 300, 400 or 500 metres deep"
    printed = [text[n.number_span.start : n.number_span.end] for n in find_numbers(text)]
    assert printed == ["68", "149", "95", "300", "400", "500"]


def test_a_quotation_may_open_on_a_number() -> None:
    text = "a witness told reporters '20 people were hurt' in the blast"
    assert [n.value for n in find_numbers(text)] == [20]
