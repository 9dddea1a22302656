"""What a figure measures, read from the parse: one sentence per construction the stage
reads (the gold in tests/gold/real scores it on real copy)."""

from __future__ import annotations

import pytest

from service.ingest.extract import extract
from service.ingest.figures.concepts import read_figure
from service.ingest.figures.lexicon import counted_unit, plural
from service.ingest.figures.numbers import find_numbers
from service.ingest.figures.status import value_status
from service.ingest.nlp.model import analyse
from service.ingest.parse.article import parse_article
from tests.ingest.figures.reading import figures_by_text, reading_of


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # where a company's shares closed is a share price, never a product's price
        ("On Friday their stocks lost nearly six percent to close at $73.57.", "$73.57",
         "share_price"),
        ("On Friday their stocks lost nearly six percent to close at $73.57.",
         "nearly six percent", "decline"),
        ("EDS shares soared $5.27, or nearly 28 percent, to finish yesterday at $24.13.",
         "$24.13", "share_price"),
        ("The price for the iPhone has also been reduced to $199 in the US.", "$199", "price"),
        ("Andre Miller is averaging 15.5 points per game.", "15.5", "goals"),
        # a person said to be a whole number is that old; a toll is not
        ("Felt died on Thursday. He was 95 and lived in Santa Rosa.", "95", "age"),
        ("The toll was 95 on Monday.", "95", "deaths"),
        # how late something is, and who came
        ("The first A380 was delivered today 18 months behind schedule.", "18 months",
         "delay"),
        ("The White House described the 30-day delay as the final extension.", "30-day",
         "delay"),
        ("The plane flew for nearly thirty hours.", "nearly thirty hours", "duration"),
        ("About 500 guests attended the ceremony in Toulouse.", "About 500",
         "attendance"),
        # a compound noun written apart is the compound, not its first word
        ("It follows the US Government's $700 billion bail out of the financial sector.",
         "$700 billion", "aid"),
        ("He was released on $50,000 bail.", "$50,000", "bail"),
        # the counted noun's verb
        ("The quake struck on Saturday, killing at least 120 people.", "at least 120 people",
         "deaths"),
        ("It struck on Saturday, injuring more than 400, officials said.", "more than 400",
         "injured"),
        # the measure the verb's subject names
        ("The death toll from the quake rose to 157 on Sunday.", "157", "deaths"),
        # what a thing retails for is its price
        ("The films will retail for around $9.99.", "around $9.99", "price"),
        # a noun whose plural is its singular
        ("Singapore Airlines will receive the first four aircraft.", "four", "aircraft"),
        # a tally right before a number the parse hangs elsewhere
        ("Rescue attempts continue after Saturday's earthquake with the death toll more "
         "than 2200 and rising.", "more than 2200", "deaths"),
        # a state after a passive verb, as after "are"
        ("The minister states that over 150,000 people in the capital are confirmed dead.",
         "over 150,000 people", "deaths"),
        ("Turnout was 77.4 percent, the commission said.", "77.4 percent", "turnout"),
        # the counted noun and its modifiers
        ("The 6.4-magnitude quake hit Jajarkot.", "6.4", "magnitude"),
        ("Siemens took a 1.5bn euro charge.", "1.5bn euro", "loss"),
        ("The bank said 5,125 positions would go.", "5,125", "job_cuts"),
        ("Toqaev took 70.96 percent of the ballots.", "70.96 percent", "vote_share"),
        # "gained" is a vote only in a story that holds one; elsewhere it is growth
        ("In the election, Labour gained 12% and the Greens 4%.", "12%", "vote_share"),
        ("Bank of America rose 3.2%, while Citigroup gained 9.7%.", "9.7%", "growth"),
        ("The bank earned 33 cents a share.", "33 cents a share", "earnings_per_share"),
        # what happened to a group beats the group's name, never the other way round
        ("Police arrested dozens of demonstrators in Almaty.", "dozens of demonstrators",
         "detained"),
        ("Seven candidates took part in the election.", "Seven candidates", "candidates"),
        # no concept in the lexicon: the counted noun is the key
        ("Airlines cancelled 300 flights.", "300", "flights"),
        # ... and a verb's concept counted in other things does not take it
        ("The country will hold two referendums next year.", "two", "referendums"),
        # a verb that names the concept only in the passive
        ("Police arrested 200 on Monday in addition to 500 held a day earlier.", "500",
         "detained"),
        # a rate is of what its modifier names
        ("The election had a turnout rate of 58%.", "58%", "turnout"),
        # a length of time the lexicon does not name
        ("The talks lasted roughly four months.", "roughly four months", "duration"),
        # a share of a group names nothing the noun does
        ("Eight out of 10 voters said they backed the plan.", "Eight out of 10", None),
        # what an amount is, after "in"
        ("The manufacturer has received over $15 billion in bailout money.", "over $15 billion",
         "aid"),
        # the object a "to be" clause describes
        ("Analysts had forecast the automaker's losses to be over $6.7 billion.",
         "over $6.7 billion", "loss"),
        # a noun of two concepts is the one its verb names
        ("The match ended with Sweden winning three points.", "three", "points"),
        ("Eveson scored 21 points in the win.", "21", "goals"),
        # what was done to a group the lexicon does not name
        ("Five Panamanian players were booked in the match.", "Five", "booked"),
        # an open key is the counted noun in the plural
        ("The 131-page document was found on a road.", "131", "pages"),
        # a share of a loss
        ("The firm said it had lost a net $5.9 billion, or $9.66 per share.",
         "$9.66 per share", "loss_per_share"),
        # past a comparison to what takes it
        ("The death toll would have been more than a thousand.", "more than a thousand",
         "deaths"),
        ("The fair took place this weekend, attracting thousands to the event.", "thousands",
         "attendance"),
        # the places a deed happened in are not what was done
        ("The storms killed 80 people in 11 provinces.", "11", "provinces"),
        # a count of quakes is no magnitude, whatever they measured
        ("Six smaller quakes measuring up to 3.1 followed.", "Six", "quakes"),
        # how many watched, and a share of an audience (no holding in a company)
        ("The final was watched by 9.2 million people.", "9.2 million people", "viewers"),
        ("The show drew a 31% share of the evening audience.", "31%", "audience_share"),
        ("The state holds a 31% share in the airline.", "31%", "stake"),
        # a phrasal verb that means nothing its verb does
        ("She wound up with 31 in the final.", "31", None),
        # moved out of their homes, or fled to shelter (a number word read as an adjective)
        ("Forty residents were moved from their homes.", "Forty residents", "evacuated"),
        ("About 9,000 people have found refuge in Chad.", "About 9,000 people", "displaced"),
        # what is paid for is bought, unless it is work; a deed a person is paid for is
        # work too, and one paid for is a penalty where it is a wrong
        ("Nestle will pay $2 billion for a 40 percent stake.", "$2 billion", "price"),
        ("She was paid $900 for three weeks of work.", "$900", "salary"),
        ("He was paid $3 million for directing the film.", "$3 million", "salary"),
        ("The firm will pay $90 million for breaking the rules.", "$90 million", "fine"),
        # a poll's sample and its margin of error are no votes
        ("The poll of 1,200 people gave a 2.8 percent margin of error.", "1,200 people",
         "participants"),
        ("The poll of 1,200 people gave a 2.8 percent margin of error.", "2.8 percent",
         "margin_of_error"),
        # games won are wins; games played are appearances
        ("The Hawks won 31 games last season.", "31", "wins"),
        ("He played in 47 games for the club.", "47", "appearances"),
        # a guilty plea convicts
        ("Three officials have pleaded guilty to fraud.", "Three officials", "convicted"),
        # how many a place or a plane takes
        ("The new arena will seat 18,000 people.", "18,000 people", "capacity"),
        # a share of the market
        ("IE accounted for 70 percent of the market in 2009.", "70 percent", "market_share"),
        # homes are damaged only when something was done to them
        ("The government plans to build 300,000 new homes a year.", "300,000", "homes"),
        ("The storm damaged or destroyed 1,200 homes.", "1,200", "buildings_damaged"),
        ("There were 300 damaged homes in the district.", "300", "buildings_damaged"),
        # the state a disaster leaves people in
        ("Floods left 1.2 million stranded.", "1.2 million", "stranded"),
        # electricity lost, with its object or after "without"
        ("More than 2.6 million homes in Florida lost power.", "More than 2.6 million",
         "power_outages"),
        ("Hurricane Ian left 2.6 million customers without power.", "2.6 million",
         "power_outages"),
        # a job lost is staff's; customers lost are no jobs
        ("About 300 people lost their jobs.", "About 300 people", "job_cuts"),
        ("Netflix lost 200,000 subscribers in the quarter.", "200,000", "customers"),
        # vehicles are produced only when a verb says so; recalled ones are recalls
        ("Toyota is recalling 1 million vehicles over a faulty sensor.", "1 million",
         "recalls"),
        ("There were 300 cars parked outside.", "300", "cars"),
        ("Toyota sold 10 million cars last year.", "10 million", "production"),
        # a currency's level in another is its exchange rate; an amount's own currency
        # word is no rate
        ("The pound slipped 0.5% against the dollar to $1.27.", "$1.27", "exchange_rate"),
        ("The club paid 100 million euros for the player.", "100 million euros", None),
        # money paid for a player is a transfer fee, for a ticket no such thing
        ("Manchester United paid £64 million for the striker.", "£64 million", "transfer_fee"),
        ("Chelsea spent £100 million on Enzo Fernandez.", "£100 million", "transfer_fee"),
        # what a charge carries is no sentence passed
        ("The defendant faces up to 20 years in prison if convicted.", "up to 20 years",
         "maximum_sentence"),
        ("He was sentenced to 15 years in prison.", "15 years", "sentence"),
        # "the number of" what is counted
        ("The number of confirmed cholera cases rose to 1,500.", "1,500", "cases"),
        # counts of a crime are charges, not what the crime's words measure
        ("The jury convicted him of two counts of first-degree murder.", "two counts", "charged"),
        # a currency is no counted thing
        ("Reserve rules were eased, freeing up 300 billion ruble.", "300 billion ruble", None),
        # where a change went is no change
        ("This has dropped to approximately 56 percent today.", "approximately 56 percent",
         None),
        ("Sales dropped by 12 percent.", "12 percent", "decline"),
        # a share the lexicon does not name: of what, a likelihood, what it cuts or raises
        ("Over 50% of the dealerships sell less than a hundred cars.", "Over 50%",
         "dealerships_share"),
        ("The company would stop 30% of its production.", "30%", "production_cuts"),
        ("We see a 60-80 percent chance of a bankruptcy.", "60-80 percent", "probability"),
        ("The firm wanted to reduce costs at Opel by 30%.", "30%", "cost_cuts"),
        ("The airline will raise fares by 5%.", "5%", "fare_increase"),
        # a verb form the lemmatizer misreads ("fined" -> "fin"), a change printed after
        # an amount
        ("A court in Paris fined Google 500 million euros.", "500 million euros", "fine"),
        ("It made a net profit of 1.21 trillion yen, up 12%, it said.", "12%", "growth"),
        ("Shares closed down 3.5% at 120 pence.", "3.5%", "decline"),
        # who did the deed to others is not what it did: the crashes are no dead
        ("The two crashes killed 102 people.", "two", "crashes"),
        ("The two crashes killed 102 people.", "102 people", "deaths"),
        ("More than 500 people died in the floods.", "More than 500 people", "deaths"),
        # a measure named by a noun modifier, or by the verb that gives a bare number
        ("A magnitude 7.4 earthquake struck Taiwan.", "7.4", "magnitude"),
        ("The quake, measured at 7.2 by the agency, hit Chile.", "7.2", "magnitude"),
        # a light verb with its own concept's things; what happened to the group's jobs
        ("American employers added 275,000 jobs last month.", "275,000", "jobs_created"),
        ("Tesla is laying off more than 14,000 employees.", "more than 14,000 employees",
         "job_cuts"),
        # a rise of consumer prices is the inflation rate; a central bank's key rate
        ("Eurozone consumer prices rose 2.4% in November.", "2.4%", "inflation"),
        ("The central bank kept its key rate at 5.25 percent.", "5.25 percent",
         "interest_rate"),
        # the share of the voters who voted
        ("Only 60% of eligible voters in Britain cast a ballot.", "Only 60%", "turnout"),
        ("Some 58% of voters backed the plan.", "Some 58%", None),
        # an adjective naming the measure; a price per unit of a commodity; an order to pay
        ("The vaccine was 95% effective in preventing Covid-19.", "95%", "efficacy"),
        ("Brent crude rose 2% to $85 a barrel on Monday.", "$85", "price"),
        ("A jury ordered Johnson & Johnson to pay $45 million to the family.", "$45 million",
         "fine"),
        ("It was 45°C in Jacobabad.", "45°C", None),
        # jobs lost are cut, never a match result
        ("France will lose 4,300 jobs, followed by Germany.", "4,300", "job_cuts"),
        ("Sweden beat Korea 1-0.", "1-0", "score"),
        ("Boeing beat three rivals to win the deal.", "three", "rivals"),
        # where an index closed
        ("The FTSE 100 closed up 0.5% at 8,140 points.", "8,140", "index_level"),
        # a share of the staff cut is a share of jobs cut; a share of anything else cut
        # is a cut of it, as "reduce costs by 30%"
        ("The carmaker will cut 10% of its global workforce.", "10%", "job_cuts_share"),
        ("The firm said it would lay off 6% of its staff.", "6%", "job_cuts_share"),
        ("The airline cut 5% of its flights.", "5%", "flight_cuts"),
        ("Over 50% of the dealerships sell less.", "Over 50%", "dealerships_share"),
        # how many people a place holds, however the copy says it; people sent somewhere
        # are not its residents
        ("It hit Zarand, a town of about 15,000 people.", "about 15,000 people", "population"),
        ("The island, which has about 200,000 residents, was hit.", "about 200,000 residents",
         "population"),
        ("The quake struck Qeshm island, home to 120,000 people.", "120,000 people",
         "population"),
        ("Police said 300 people were evacuated from the town.", "300 people", "evacuated"),
        ("The firm has 300 employees.", "300 employees", "employees"),
        # the state a disaster leaves people in; a walkout; a share of output
        ("The outbreak has left 1,200 people dead.", "1,200 people", "deaths"),
        ("The quake left 300 injured.", "300", "injured"),
        ("Some 33,000 workers walked off the job.", "Some 33,000 workers", "strikers"),
        ("About 5,000 machinists went on strike on Friday.", "About 5,000", "strikers"),
        ("The budget deficit widened to 5.1% of GDP.", "5.1%", "budget_deficit"),
        ("US CPI rose 2.9% in December.", "2.9%", "inflation"),
        # who fled a place (the place is left, not done to); a chance
        ("More than 7 million people have fled Sudan.", "More than 7 million people",
         "displaced"),
        ("NASA put the asteroid's chance of hitting Earth at 3.1%.", "3.1%", "probability"),
        ("The odds that it hits Earth rose to 3.1 percent.", "3.1 percent", "probability"),
        # a tariff as a share; a tariff in money is a price
        ("The US will impose a 25% tariff on steel imports.", "25%", "tariff_rate"),
        ("Washington plans 25 percent duties on imported steel.", "25 percent", "tariff_rate"),
        # where a verb moved its object to is a level of what the object measures
        ("The company raised prices to $10.", "$10", "price"),
        ("Turkey's central bank raised rates to 50%.", "50%", "interest_rate"),
        ("The firm raised its prices by 8%.", "8%", "price_increase"),
        # how far a market moved, in points or percent, is its decline or growth; points
        # won in a table stay points
        ("The Dow Jones Industrial Average lost 631 points, or 5.7%, on Tuesday.", "631",
         "decline"),
        ("The Dow Jones Industrial Average lost 631 points, or 5.7%, on Tuesday.", "5.7%",
         "decline"),
        ("The Nasdaq fell 82.65 points to close at 2,138.", "82.65", "decline"),
        ("The benchmark index gained 30 points in early trade.", "30", "growth"),
        ("The DJIA had a drop of 9% before going back up.", "9%", "decline"),
        ("General Motors reported a 49% decline in sales.", "49%", "decline"),
        ("Ford posted a 5% rise in profit.", "5%", "growth"),
        # the way printed beside the number; a move nothing but a market makes; a
        # relative clause's market
        ("The Hang Seng closed up 511.51 points or 3.31%.", "511.51", "growth"),
        ("The Hang Seng closed up 511.51 points or 3.31%.", "3.31%", "growth"),
        ("The FTSE 100 went up by 0.16% (16.03 points) on Monday.", "16.03", "growth"),
        ("The DAX was 6.62% lower than the start of the day.", "6.62%", "decline"),
        ("The index continued to fall, and it had fallen 260.77 points by noon.", "260.77",
         "decline"),
        ("The worst was the Dow Jones, which fell 678 points.", "678", "decline"),
        ("The RTS recovered with a 10.91% increase.", "10.91%", "growth"),
        # where a market stood: a level, in points
        ("The Dow fell 1.62% to 9694.73 on Monday.", "9694.73", "index_level"),
        ("The FTSE 100 fell 2.03 points, but stayed below 5000 at 4605.22.", "4605.22",
         "index_level"),
        ("Sales rose to 300 cars.", "300", "cars"),
        # "it" is the market the first clause or the sentence before names
        ("The Dow continued to fall, and it had fallen 2.62% to 9694.73.", "9694.73",
         "index_level"),
        ("The Nikkei fell on Monday. It dropped 3% to 9,203.32 points.", "9,203.32",
         "index_level"),
        ("The S&P 500 fell by 9.48 points, or 1.20 percent, to 778.94 points.", "778.94",
         "index_level"),
        ("The S&P 500 fell by 9.48 points, or 1.20 percent, to 778.94 points.", "9.48",
         "decline"),
        # a quake's magnitude, before the quake or after the word
        ("A strong 7.9 earthquake strikes between Kathmandu and Pokhara.", "7.9", "magnitude"),
        ("Thousands died in the magnitude 7.0 earthquake there.", "7.0", "magnitude"),
        ("Sweden won three points while Belgium dropped two points.", "two", "points"),
        # new jobs are jobs created; what else a count of jobs sits beside is no job
        ("Boeing promised 44,000 new positions at 300 suppliers.", "44,000", "jobs_created"),
        ("Boeing promised 44,000 new positions at 300 suppliers.", "300", "suppliers"),
        # a share held is a stake; what a thing is worth is the value of what is worth it
        ("Bondholders were offered a ten percent share in the company.", "ten percent",
         "stake"),
        ("Microsoft agreed a deal worth $26.2 billion for LinkedIn.", "$26.2 billion",
         "deal_value"),
        ("These orders are worth US$5.62 billion at list prices.", "US$5.62 billion", "value"),
        ("The aircraft have a catalogue value of $2.4 billion.", "$2.4 billion", "value"),
        ("The event was attended by 15,000 people.", "15,000 people", "attendance"),
        # points outside a market are a game's: scored, or in a table
        ("Artino had a career-high 14 points and six rebounds.", "14", "goals"),
        ("England top the table with three points.", "three", "points"),
        ("Shy Ely put up 23 points against the Tar Heels.", "23", "goals"),
        ("I want to emphasize three points.", "three", "points"),
        ("The FTSE closed up 50 points.", "50", "growth"),
        ("The FTSE 100 ended the day on 4,000 points.", "4,000", "index_level"),
        ("Artino had a career-high 14 points and six rebounds.", "six", "rebounds"),
        # shots are no vaccinations
        ("He blocked six shots and made 8 of 14 shots.", "six", "shots"),
        # what was signed names the measure ("a deal"); a player signed names none
        ("Air India has signed a deal for a further US$7 billion.", "US$7 billion",
         "deal_value"),
        ("Real Madrid signed Bellingham for 103 million euros.", "103 million euros",
         "transfer_fee"),
        ("The Dow dropped by 4.08%, or 280.52 points, reaching a level of 6595.32.",
         "6595.32", "index_level"),
        ("Apple opened a 500,000 square foot data center.", "500,000 square foot", "area"),
        # a participle stands for the people it happened to; a named count is no measure
        ("Ten people are killed and about 50 hurt.", "about 50", "injured"),
        ("A total of 288 candidates run for 125 seats, with 37 of the candidates registered "
         "in the capital.", "37 of the candidates", "candidates"),
        ("The quake registered 6.1 on the Richter scale.", "6.1", "magnitude"),
        # a sum of money in a currency word measures nothing the word names
        ("Pirates are raking in millions of dollars.", "millions of dollars", None),
        ("He weighed 200 pounds.", "200 pounds", "weight"),
        # a physical measure is no head count: its distance word, else its dimension
        ("Carney scored with a 15-yard shot over the keeper.", "15-yard", "distance"),
        ("The fault was in the aircraft's 500km of wiring.", "500km", "length"),
        ("It carried twenty tonnes of test equipment.", "twenty tonnes", "weight"),
        # a film's takings
        ("The sequel has grossed $310 million worldwide.", "$310 million", "revenue"),
        # a sum paid for a wrong is a penalty, for a thing a price
        ("The firm will pay $90 million for committing fraud.", "$90 million", "fine"),
        ("The bank paid $2 billion for violating sanctions.", "$2 billion", "fine"),
        ("The fund will pay $40 million for the building.", "$40 million", "price"),
        # people who voted, not those who may
        ("Nearly 4.1 million people voted on Sunday.", "Nearly 4.1 million people", "voters"),
        ("It drew a turnout of 900,000 voters.", "900,000 voters", "voters"),
        ("Some 600,000 voters voted early.", "Some 600,000 voters", "voters"),
        ("The country has 5.2 million eligible voters.", "5.2 million eligible voters",
         "registered_voters"),
        # things counted beside a measure or after "finished with" are what they are
        ("He ran for 95 yards on 14 carries.", "14", "carries"),
        ("She finished with 22 points and 11 rebounds.", "11", "rebounds"),
        # a time of day after a weekday is when, never what is counted
        ("Smith scored 31 Friday night in the win.", "31", "goals"),
        # a frame around an amount hides nothing of what takes it
        ("The club made a bid in excess of $90 million.", "$90 million", "deal_value"),
        # what buyers ordered; ordering people or acts is a command
        ("Emirates has ordered 40 A350 jets.", "40", "orders"),
        ("The carrier placed firm orders for 25 A321s.", "25", "orders"),
        # a boxer's record counts his wins inside the distance, however they are printed
        ("The Cuban southpaw is unbeaten at 19-0 (14 KOs).", "14", "knockouts"),
        ("Ortega, 27-2, 21 KO's, was stopped for the first time.", "21", "knockouts"),
        # what buyers may still order, beside what they ordered
        ("Qantas also holds options on 12 more A380s.", "12 more", "options"),
        ("Options were taken for 10 more 747s.", "10 more", "options"),
        ("Police ordered 300 people to leave the square.", "300 people", None),
        ("He was convicted of ordering two killings.", "two", "killings"),
        # who backs a cause in a poll is no vote
        ("The survey found 58 percent of residents favoured the new stadium.", "58 percent",
         "support"),
        # a concept of people never measures things counted, unless their noun names it
        ("Investigators said nine bullets struck the victim's body.", "nine", "bullets"),
        ("The agency has 900 employees and 14 offices across Europe.", "14", "offices"),
        ("Soldiers on the patrol boat seized 40 rifles and 600 rounds of ammunition.", "600",
         "rounds"),
        ("The prosecutor filed two counts of fraud against the broker.", "two counts",
         "charged"),
        ("The gunman killed two guards and wounded 14 others.", "14 others", "injured"),
        # nor a concept of things a head count
        ("Two men stole a car from the dealership on Friday.", "Two men", None),
        # (fleeing one's house is being displaced, not a house damaged)
        ("About 2,000 villagers fled their houses before the storm.", "About 2,000",
         "displaced"),
        ("Police picked up 300 people in the raid, the mayor said.", "300 people", None),
        ("Toyota will lay off 3,000 workers.", "3,000 workers", "job_cuts"),
        # data and clock speed are dimensions like length, whatever noun they describe
        ("The basic laptop ships with 16GB of RAM and a 2.4GHz processor.", "16GB",
         "storage"),
        ("The basic laptop ships with 16GB of RAM and a 2.4GHz processor.", "2.4GHz",
         "frequency"),
        ("The card holds up to 512MB.", "up to 512MB", "storage"),
        # "others" are people, though the list of people nouns has no "others"
        ("At least four people were killed, 120 others injured and more than 600 homes"
         " destroyed by the storms, officials said.", "120 others", None),
    ],
)  # fmt: skip
def test_concept(sentence: str, text: str, concept: str | None) -> None:
    assert reading_of(sentence, text)[0] == concept


def test_subjects_and_sources_from_the_parse() -> None:
    _, source, _ = reading_of("The US Geological Survey put the magnitude at 5.7.", "5.7")
    assert source == "US Geological Survey"
    _, _, subjects = reading_of("Toqaev took 70.96 percent of the ballots.", "70.96 percent")
    assert subjects == ["Toqaev"]
    _, _, subjects = reading_of("Its net profit rose to 3.2 billion euros.", "3.2 billion euros")
    assert subjects[0] == "Its"
    # the agent of a passive: whose the counted people are
    _, _, subjects = reading_of("About 54,000 people are employed by Opel.", "About 54,000 people")
    assert subjects == ["Opel"]
    # a fine or a sentence is of whom it is imposed on, not of who imposes it
    _, _, subjects = reading_of(
        "France's competition authority ordered Google to pay a 500m euro fine.", "500m euro"
    )
    assert subjects[0] == "Google"
    _, _, subjects = reading_of(
        "Google was fined 500 million euros by a court.", "500 million euros"
    )
    assert subjects[0] == "Google"
    # last, the subject of the clause the figure stands in...
    sentence = "Nathan Law earned a victory as second place in the constituency with 50,818 votes."
    assert reading_of(sentence, "50,818")[2][-1:] == ["Nathan Law"]
    # ... unless that clause is someone's word for it
    sentence = "Tokaev received 70.96 per cent, the commission said, on a turnout of 77.5 per cent."
    assert "commission" not in reading_of(sentence, "77.5 per cent")[2]
    # a company reporting its own result is its source and its subject; police reporting
    # deaths are only the source
    concept, source, subjects = reading_of("Toyota reported a 39% drop in sales.", "39%")
    assert (concept, source, subjects[:1]) == ("decline", "Toyota", ["Toyota"])
    # a relative clause is about the noun it hangs on
    sentence = "The worst was the Dow Jones, which fell 678 points."
    assert "Dow Jones" in reading_of(sentence, "678")[2]
    # a second verb without a subject of its own has the first one's
    sentence = "The FTSE 100 fell 2.03 points, but stayed below 5000 at 4605.22."
    assert reading_of(sentence, "4605.22")[2][:1] == ["FTSE"]
    # shares move for the company they are of, however the copy names it
    sentence = "Bank of America shares rose by 3.2%, while Citigroup gained 9.7%."
    assert reading_of(sentence, "3.2%")[2][:1] == ["Bank"]
    assert reading_of("Shares of Ford fell 5% on Monday.", "5%")[2][:1] == ["Ford"]
    _, source, subjects = reading_of("Police reported 12 deaths in Lagos.", "12")
    assert source == "Police"
    assert "Police" not in subjects


@pytest.mark.parametrize(
    ("sentence", "text", "source"),
    [
        # the subject of a verb of finding or foreseeing, over its object ...
        ("Official figures show 1,200 homes were destroyed.", "1,200", "Official figures"),
        ("Most independent analysts had predicted a loss of $2 billion.", "$2 billion",
         "Most independent analysts"),
        # ... or over the clause it reports
        ("A survey published on Monday found that 62 percent of nurses plan to leave.",
         "62 percent", "survey"),
        ("Economists expect inflation to reach 4.5 percent by June.", "4.5 percent",
         "Economists"),
        ("Preliminary data from the ministry suggest turnout reached 64 percent.",
         "64 percent", "Preliminary data"),
        # no one who counts: a team, a pronoun
        ("The team found 20 errors in the code.", "20", None),
        # raising a count of something gives it; raising money or rates does not
        ("Officials raised the death toll to 52.", "52", "Officials"),
        ("Bank of America raised $2 billion from investors.", "$2 billion", None),
        ("The Federal Reserve raised interest rates to 5.5%.", "5.5%", None),
        ("She expects to win 60 percent of the vote.", "60 percent", None),
    ],
)  # fmt: skip
def test_sources_of_findings_and_forecasts(sentence: str, text: str, source: str | None) -> None:
    assert reading_of(sentence, text)[1] == source


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("Courts heard 43 million Americans.", "43 million Americans", "people"),
        ("The ministry released a 131-page report.", "131", "pages"),
        ("Officials counted 500 detentions.", "500", "people"),
        ("The firm cut 5,125 positions.", "5,125", "jobs"),
        ("Rebels seized three robots.", "three robots", "robots"),
        ("Airbus announced 10,000 job cuts.", "10,000", "jobs"),
        # the plural as printed, where the lemmatizer misreads it
        ("Crews recovered 4,000 corpses from the rubble.", "4,000", "corpses"),
        # kin, colleagues and roles are people
        ("The fire killed three of his colleagues.", "three", "people"),
        ("She is survived by two sons and a daughter.", "two", "people"),
        ("The court heard from four prison guards.", "four", "people"),
        ("Navy ships detained 26 pirates off the coast.", "26", "people"),
        # a range counts the noun after its high end for both ends
        ("Between 40 and 60 striking dockers plan to march.", "Between 40 and 60", "dockers"),
        ("Between 300 and 400 stranded tourists hope to leave.", "Between 300 and 400", "people"),
        # a plural parsed as the modifier of the singular noun after it is still counted
        ("Some 200 migrants plan to cross the border this week.", "Some 200", "people"),
    ],
)
def test_counted_unit(sentence: str, text: str, unit: str) -> None:
    doc = analyse(sentence)
    start = sentence.index(text)
    (number,) = [n for n in find_numbers(sentence) if n.span.start <= start < n.span.end]
    reading = read_figure(doc, number.span, number.unit)
    assert (reading.counted or counted_unit(None) or number.unit) == unit


def test_plural() -> None:
    assert [plural(w) for w in ("page", "city", "box", "day", "robots", "crewman", "human")] == [
        "pages", "cities", "boxes", "days", "robots", "crewmen", "humans",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "share", "status"),
    [
        ("An exit poll gave the party 41 percent.", True, "exit_poll"),
        ("A new Gallup poll found 87 percent back the plan.", True, "poll_answer"),
        ("The polls closed at 8 p.m. with turnout at 63 percent.", True, None),
        ("The IMF forecasts growth of 3.1 percent next year.", True, "forecast"),
        # a change still to come, with a modal
        ("By 2050, hunger would increase by 27 percent.", True, "forecast"),
        ("The cut will save oil firms around $5.5 billion.", False, "forecast"),
        ("Prices will rise 5 percent next year.", True, "forecast"),
        ("The IMF projects that growth will reach 3 percent.", True, "forecast"),
        ("It pledged 22 billion pounds for carbon capture projects.", False, None),
        ("He said he would be there with 200 people.", False, None),
        ("An estimated 2,000 people attended.", False, "estimate"),
        ("Exit polls were wrong: 120 people died.", False, None),
    ],
)
def test_status(sentence: str, share: bool, status: str | None) -> None:
    number = next(n for n in find_numbers(sentence))
    assert value_status(sentence, number.span.start, number.span.end, share=share) == status


def test_an_election_outcome_is_a_result() -> None:
    body = (
        "Hong Kong vote\n\nRegina Ip was re-elected with 60,760 votes. "
        "A new Gallup poll found 87 percent back the plan.\n"
    )
    figures = extract(parse_article(body)).figures
    assert [(f.text, f.status) for f in figures] == [
        ("60,760", "result"),
        ("87 percent", "poll_answer"),
    ]


@pytest.mark.parametrize(
    ("body", "text", "concept"),
    [
        # where a change went is a level of what the amount before it measures
        ("IE accounted for 70 percent of the market in 2009; this has dropped to "
         "approximately 56 percent today.", "approximately 56 percent", "market_share"),
        # another amount of the same measure, joined by "or", "on top of", a parenthesis
        ("Undernourishment would increase by either 49 percent or by 27 percent.",
         "27 percent", "growth"),
        ("The Central Bank offered to loan an additional 60 billion rubles on top of the "
         "1.13 trillion rubles it offered yesterday.", "1.13 trillion rubles", "debt"),
    ],
)  # fmt: skip
def test_an_amount_continuing_the_one_before_measures_the_same(
    body: str, text: str, concept: str
) -> None:
    figures = figures_by_text(f"Markets\n\n{body}\n")
    assert figures[text].property == concept


def test_where_a_change_started_is_an_earlier_value_of_its_own() -> None:
    """ "down from 64": the jets of a year before, never in dispute with this year's 27."""
    body = (
        "Markets\n\nBoeing delivered 27 jets in March, down from 64 a year earlier. Inflation"
        " rose to 3.1% in May, compared with 2.8% in April. Ruto won 60%, compared with 30% for"
        " Odinga.\n"
    )
    figures = figures_by_text(body)
    assert (figures["64"].property, figures["64"].unit) == ("jets", "jets")
    assert (figures["27"].qualifier, figures["64"].qualifier) == (None, "previous")
    assert figures["2.8%"].property == "inflation"
    assert figures["2.8%"].qualifier == "previous"
    assert figures["30%"].qualifier is None  # another candidate's share, not an older one


def test_where_a_change_started_measures_what_changed_in_its_own_year() -> None:
    """ "Turnout was 67%, up from 61% in 2019": 61% is turnout too, and 2019 dates it,
    not the 67% of this vote."""
    body = "Vote\n\nTurnout was 67%, up from 61% in 2019, the election commission said.\n"
    figures = figures_by_text(body)
    assert figures["61%"].property == "turnout"
    assert (figures["67%"].qualifier, figures["61%"].qualifier) == (None, "2019 election")


def test_a_reporting_verb_used_as_an_adjective_names_no_source() -> None:
    body = (
        "Cholera\n\nThe number of confirmed cholera cases in Haiti rose to 1,500, the health"
        " ministry said.\n"
    )
    (figure,) = extract(parse_article(body)).figures
    assert figure.attributed_to_text == "the health ministry"


def test_amounts_of_other_kinds_do_not_continue_each_other() -> None:
    """A count after a share is not the share's, nor is a count joined by "and"."""
    body = (
        "Markets\n\nTurnout was 58 percent or 2 million voters. 5 died and 20 were in hospital.\n"
    )
    figures = figures_by_text(body)
    assert figures["58 percent"].property == "turnout"
    assert figures["2 million voters"].property != "turnout"
    assert figures["20"].property != "deaths"


def test_a_recall_announced_is_the_recall_under_way() -> None:
    body = "Recall\n\nAbout 1 million Toyota cars will be recalled, the carmaker said.\n"
    (figure,) = extract(parse_article(body)).figures
    assert (figure.property, figure.status) == ("recalls", None)


def test_a_running_total_counts_what_was_added_to_it() -> None:
    """ "1,200 new cases ..., bringing the total to 15,000": the total is cases too, and
    the 1,200 added are a claim of their own, never in dispute with the total."""
    body = (
        "Outbreak\n\nAbout 1,200 new cases were reported in the past 24 hours, bringing the"
        " total to 15,000. The quake killed 12 more people, bringing the death toll to 150.\n"
    )
    figures = figures_by_text(body)
    assert (figures["15,000"].property, figures["15,000"].qualifier) == ("cases", None)
    assert (figures["About 1,200"].property, figures["About 1,200"].qualifier) == ("cases", "new")
    assert (figures["150"].qualifier, figures["12 more people"].qualifier) == (None, "new")


def test_a_whole_is_nobodys_share_and_a_name_owned_is_the_subject() -> None:
    """ "206 of the 630 seats": 630 are all the seats, not the party's; "Modi's BJP won
    240 seats": the party's, not Modi's."""
    body = (
        "Vote\n\nThe Social Democrats won 206 of the 630 seats in the Bundestag. Modi's BJP"
        " won 240 seats.\n"
    )
    found = extract(parse_article(body))
    figures = {f.text: f for f in found.figures}
    assert (figures["206"].property, figures["630"].property) == ("seats", "seats_total")
    bjp = figures["240"].subject
    assert bjp is not None
    assert found.entities[bjp].name == "BJP"


def test_it_after_a_sentence_that_names_a_market_is_that_market() -> None:
    # Wikinews, "Stock markets worldwide continue to fall" (CC BY 2.5): the parse gives
    # the sentence before "It went up" no subject; the index it names still moved.
    figures = figures_by_text(
        "Stock markets worldwide continue to fall\n\n"
        "Stock markets around the world continued to fall dramatically today.\n"
        "As of 18:00 UTC, the primary UK index, the FTSE 100, was one of the few indexes "
        "to increase in value.\n"
        "It went up by 0.16% (16.03 points), but stayed below 5000 mark at 4605.22."
    )
    assert figures["4605.22"].property == "index_level"
    assert figures["below 5000"].property == "index_level"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a head noun the lexicon knows in another unit is not renamed by its modifier
        ("The judge handed him three consecutive life sentences on Friday.", "three", "sentences"),
        # "pulled" rescues only out of something
        ("The gunman pulled a knife on two nurses before fleeing.", "two", "nurses"),
        ("Firefighters pulled 14 people from the rubble overnight.", "14 people", "rescued"),
    ],
)
def test_words_that_name_a_concept_only_in_their_place(
    sentence: str, text: str, concept: str | None
) -> None:
    assert reading_of(sentence, text)[0] == concept


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # the people a verb's subject acts on are no count of the subject's group
        ("Officers freed nine people who had hidden in a storeroom.", "nine people", None),
        # a span of service is a duration, whatever is done to the one who served it
        ("Smith, a 12-year employee, was dismissed on Monday.", "12-year", "duration"),
        # a count of people something is done to is named by the deed
        ("Four Spanish players were booked.", "Four", "booked"),
        # what was done to a verb's subject, said after "after being"
        (
            "Hospital staff said eight people were treated after being injured in the blast.",
            "eight people",
            "injured",
        ),
        (
            "Three men were freed on Sunday after being detained at the border.",
            "Three men",
            "detained",
        ),
        # a participle standing for those a deed was done to
        ("Officials said the arrested included 30 foreign nationals.", "30", "detained"),
        ("Police said the rescued included four children.", "four children", "rescued"),
        # the state a disaster left them in, before the counted noun
        ("Doctors said the three injured miners were in a stable condition.", "three", "injured"),
        ("Rescuers resumed the search for the two missing climbers on Monday.", "two", "missing"),
        # leaving one's home is done to no one
        (
            "About 2,000 people fled their homes as the river rose.",
            "About 2,000 people",
            "displaced",
        ),
        # the agent of a participle did its deed
        (
            "Tariffs were among the issues raised by the three ministers on Friday.",
            "three",
            "ministers",
        ),
        ("The report was written by five analysts at the bank.", "five", "analysts"),
    ],
)
def test_agents_and_spans_are_not_what_a_count_measures(
    sentence: str, text: str, concept: str | None
) -> None:
    assert reading_of(sentence, text)[0] == concept


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        (
            "About 4.1 million people are eligible to vote in Sunday's election.",
            "About 4.1 million people",
            "registered_voters",
        ),
        # people are held, seats are won or held
        ("Police held 250 people overnight after the march.", "250 people", "detained"),
        ("The ruling party holds 61 seats.", "61", "seats"),
        # taken into custody is detained; what a plane or a player holds is no seat
        ("Coastguards took 14 into custody on Friday.", "14", "detained"),
        ("The stretched jet holds 240 when full.", "240", None),
        # a count of tests is no count of people tested
        ("The army carried out 12 missile tests last year.", "12", "tests"),
    ],
)
def test_voters_detainees_and_tests(sentence: str, text: str, concept: str | None) -> None:
    assert figures_by_text(f"Headline here\n\n{sentence}\n")[text].property == concept
